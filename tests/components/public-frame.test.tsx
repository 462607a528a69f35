import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PublicFrame } from "@/components/site/public-frame";
import { SIGNED_IN_HINT_COOKIE } from "@/lib/auth/signed-in-hint";

function setHint(present: boolean) {
  document.cookie = present ? `${SIGNED_IN_HINT_COOKIE}=1; path=/` : `${SIGNED_IN_HINT_COOKIE}=; path=/; max-age=0`;
}

function answerSession(signedIn: boolean) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify({ signedIn }), { headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

function renderFrame(signOutAction = vi.fn(async () => {})) {
  render(
    <PublicFrame payerName="HealthPartners" signOutAction={signOutAction}>
      <h1>Page</h1>
    </PublicFrame>,
  );
  return { nav: screen.getByRole("navigation", { name: "Account" }), signOutAction };
}

beforeEach(() => setHint(false));
afterEach(() => {
  setHint(false);
  vi.unstubAllGlobals();
});

describe("the public site's frame", () => {
  it("shows a visitor Help, Sign in and Register, with the page in main and the footer, without asking the server", () => {
    const fetchMock = answerSession(false);
    const { nav } = renderFrame();
    expect(within(nav).getAllByRole("link").map((link) => link.textContent)).toEqual(["Help", "Sign in", "Register"]);
    expect(within(nav).queryByRole("button", { name: "Sign out" })).toBeNull();
    expect(screen.getByRole("banner")).toContainElement(nav);
    expect(screen.getByRole("main")).toContainElement(screen.getByRole("heading", { name: "Page" }));
    expect(screen.getByRole("contentinfo")).toHaveTextContent("Each person needs an account in their own name");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("shows someone signed in the way to the app and Sign out, and no Register or Sign in", async () => {
    setHint(true);
    const fetchMock = answerSession(true);
    const { nav, signOutAction } = renderFrame();
    const toApp = await within(nav).findByRole("link", { name: "Go to Tax ID & NPI access" });
    expect(toApp).toHaveAttribute("href", "/access");
    expect(within(nav).queryByRole("link", { name: "Sign in" })).toBeNull();
    expect(within(nav).queryByRole("link", { name: "Register" })).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith("/api/session", { cache: "no-store" });

    // Sign out is a form that posts to the portal's sign-out action.
    const signOut = within(nav).getByRole("button", { name: "Sign out" });
    expect(signOut.closest("form")).not.toBeNull();
    await userEvent.click(signOut);
    await waitFor(() => expect(signOutAction).toHaveBeenCalledTimes(1));
  });

  it("reads a session cookie the server no longer accepts (or one half signed in) as a visitor", async () => {
    setHint(true);
    const fetchMock = answerSession(false);
    const { nav } = renderFrame();
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(within(nav).getByRole("link", { name: "Sign in" })).toBeInTheDocument();
    expect(within(nav).queryByRole("button", { name: "Sign out" })).toBeNull();
  });
});
