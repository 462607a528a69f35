import { act, render, screen, within } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { AccessList } from "@/app/(portal)/access/access-list";
import type { AccessListItem } from "@/app/(portal)/access/access-list-items";

const items: AccessListItem[] = [
  {
    key: "g1",
    taxId: "41-1234567",
    organization: "Lakeside Family Medicine",
    delegate: true,
    npis: [{ npi: "1234567893", name: "Lakeside Family Medicine" }],
    npiSummary: null,
    onlyChosen: false,
    method: "Registered with a check (check ending 1004)",
    since: "Nov 27, 2026",
    status: { label: "Active", tone: "success" },
    statusNote: null,
  },
];

/** A window whose width matches `(min-width: 48rem)` or not, and can be resized. */
function screenWidth(wide: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return wide;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal("matchMedia", vi.fn(() => query));
  return {
    resize(toWide: boolean) {
      wide = toWide;
      act(() => listeners.forEach((listener) => listener()));
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("AccessList", () => {
  test("the server sends only the layout the device asked for", () => {
    const table = renderToString(<AccessList items={items} initialLayout="table" />);
    expect(table).toContain("<table");
    expect(table).not.toContain("<dl");
    const cards = renderToString(<AccessList items={items} initialLayout="cards" />);
    expect(cards).toContain("<dl");
    expect(cards).not.toContain("<table");
  });

  test("on a wide screen it is a table with Status in the right-most column, and a phone-width window turns it into cards", () => {
    const width = screenWidth(true);
    render(<AccessList items={items} initialLayout="cards" />);
    const region = screen.getByRole("region", { name: "Your Tax IDs and NPIs" });
    const row = within(region).getAllByRole("row")[1]!;
    expect(within(row).getByRole("rowheader")).toHaveTextContent("41-1234567");
    expect(within(row).getAllByRole("cell").at(-1)).toHaveTextContent("Active");
    expect(screen.queryByRole("list", { name: "Your Tax IDs and NPIs" })).toBeNull();

    width.resize(false);
    const card = within(screen.getByRole("list", { name: "Your Tax IDs and NPIs" })).getAllByRole("listitem")[0]!;
    expect(card).toHaveTextContent("41-1234567");
    expect(card).toHaveTextContent("Active");
    expect(screen.queryByRole("table")).toBeNull();
  });
});
