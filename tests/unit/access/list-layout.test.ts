import { describe, expect, test } from "vitest";
import { accessListLayoutFor } from "@/lib/access/list-layout";

const request = (values: Record<string, string>) => new Headers(values);

describe("accessListLayoutFor", () => {
  test("Chromium's client hint decides: ?1 is a phone, ?0 is not", () => {
    expect(accessListLayoutFor(request({ "sec-ch-ua-mobile": "?1" }))).toBe("cards");
    expect(accessListLayoutFor(request({ "sec-ch-ua-mobile": "?0", "user-agent": "Mozilla/5.0 (iPhone) Mobile" }))).toBe("table");
  });

  test("without the hint, a phone's user agent gets cards and everything else the table", () => {
    expect(accessListLayoutFor(request({ "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1" }))).toBe("cards");
    expect(accessListLayoutFor(request({ "user-agent": "Mozilla/5.0 (Android 15; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0" }))).toBe("cards");
    expect(accessListLayoutFor(request({ "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0" }))).toBe("table");
    expect(accessListLayoutFor(request({}))).toBe("table");
  });
});
