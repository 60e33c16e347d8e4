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
    // A trailing dot: RFC 6761 resolvers (systemd-resolved among them) answer loopback for these.
    "http://localhost./",
    "http://LOCALHOST./",
    "http://foo.localhost./",
    "http://127.0.0.1./",
    // IPv6 forms that carry an IPv4 address a router or the kernel hands on.
    "http://[64:ff9b::127.0.0.1]/", // NAT64
    "http://[64:ff9b::10.0.0.1]/",
    "http://[64:ff9b:1::a00:1]/", // NAT64 for local use (RFC 8215)
    "http://[2002:7f00:1::]/", // 6to4
    "http://[2002:c0a8:101::1]/",
    "http://[::127.0.0.1]/", // IPv4-compatible
    "http://[::10.0.0.1]/",
    "http://[::ffff:0:127.0.0.1]/", // SIIT
    "http://[::ffff:0:a9fe:a9fe]/",
    "http://[fec0::1]/", // site-local
    "http://[feff::1]/",
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
    "http://localhost.evil.com./",
    "http://[64:ff9b::8.8.8.8]/",
    "http://[2002:808:808::1]/",
    "http://[::8.8.8.8]/",
    "http://[::ffff:0:8.8.8.8]/",
    "http://[2606:4700::1111]/",
  ])("%s is not", (url) => {
    expect(isPrivateHost(hostname(url))).toBe(false);
  });
});

describe("isPrivateHost, given a host name not written by URL parsing", () => {
  it.each(["LocalHost.", "[::FFFF:127.0.0.1]", "[0:0:0:0:0:0:0:1]", "[64:FF9B::7F00:1]", "10.0.0.1."])(
    "%s is private",
    (host) => {
      expect(isPrivateHost(host)).toBe(true);
    },
  );

  it.each(["example.com.", "[2001:4860:4860::8888]", "not a host"])("%s is not", (host) => {
    expect(isPrivateHost(host)).toBe(false);
  });
});

describe("isLoopbackHost", () => {
  it("is exactly localhost, 127.x.x.x and [::1]", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["localhost.evil.com", "127.0.0.1.nip.io", "10.0.0.1", "[::2]"].some(isLoopbackHost)).toBe(false);
  });
});
