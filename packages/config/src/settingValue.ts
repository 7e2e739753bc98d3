import type { Ec2MetadataEndpointMode } from "./CommonSettings.js";
import { goParseBool } from "./goParseBool.js";

/** Parses Go's `EC2IMDSEndpointModeState.SetFromString`; `undefined` for an empty value. */
export function parseEc2MetadataEndpointMode(value: string): Ec2MetadataEndpointMode | undefined | Error {
  const v = value.trim().toLowerCase();
  return v === "" ? undefined : v === "ipv6" ? "IPv6" : v === "ipv4" ? "IPv4" : new Error("unknown EC2 IMDS endpoint mode, must be either IPv6 or IPv4");
}

/**
 * A typed setting's value, read from its text as Go reads it (one rule for a variable and a profile key of
 * the same type): `undefined` leaves the setting unset, an `Error` carries Go's reason for the caller's
 * message. Types: `b` `true` in any case, `g` Go's ParseBool is true, `e` anything but `false`, `t` strictly
 * true or false (any case), `d` a non-zero integer (anything else is ignored), `r` regional-endpoint mode
 * (`legacy` or `regional`, any case), `m` IMDS endpoint mode.
 */
export function settingValue(type: string, v: string, field?: string): unknown {
  const lower = v.toLowerCase();
  switch (type) {
    case "b":
      return lower === "true";
    case "g":
      return goParseBool(v) === true;
    case "e":
      return v !== "false";
    case "d":
      return (/^[+-]?\d+$/.test(v.trim()) && Number.parseInt(v, 10)) || undefined;
    case "m":
      return parseEc2MetadataEndpointMode(v);
    case "r": {
      if (lower === "legacy" || lower === "regional") return lower;
      const goName = field === "stsRegionalEndpoints" ? "STSRegionalEndpoint" : "S3UsEast1RegionalEndpoint";
      return v === "" ? undefined : new Error(`unable to resolve the value of ${goName} for ${v}`);
    }
    default:
      return lower === "true" || lower === "false"
        ? lower === "true"
        : new Error(field === "s3UseArnRegion" ? "need true or false" : "need true, false");
  }
}
