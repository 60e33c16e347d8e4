import { describe, expect, it } from "vitest";
import { isLoopbackHost, isPrivateHost } from "../../src/http/hosts.js";

/** Host names as URL parsing writes them (`new URL(...).hostname`). */
const hostname = (url: string) => new URL(url).hostname;

describe("isPrivateHost", () => {
  it.each([
    "http://localhost/",
    "http://app.localhost/",
    "http://127.0.0.1/",
    "http://127.9.9.9/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::]/",
    "http://[fd00::1]/",
    "http://[fc12::1]/",
    "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:10.1.2.3]/",
    "http://2130706433/", // 127.0.0.1 as one number, which URL parsing spells out
    "http://0x7f.1/",
  ])("%s is private", (url) => {
    expect(isPrivateHost(hostname(url))).toBe(true);
  });

  it.each([
    "https://cdn.openai.test/",
    "http://8.8.8.8/",
    "http://172.32.0.1/",
    "http://100.128.0.1/",
    "http://192.169.0.1/",
    "http://[2001:db8::1]/",
    "http://[::ffff:8.8.8.8]/",
    "http://localhost.evil.com/",
  ])("%s is not", (url) => {
    expect(isPrivateHost(hostname(url))).toBe(false);
  });
});

describe("isLoopbackHost", () => {
  it("is exactly localhost, 127.x.x.x and [::1]", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["localhost.evil.com", "127.0.0.1.nip.io", "10.0.0.1", "[::2]"].some(isLoopbackHost)).toBe(false);
  });
});
