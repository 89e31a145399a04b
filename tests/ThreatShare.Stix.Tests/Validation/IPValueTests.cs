using System.Text;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class IPValueTests
{
    private static StixValidationResult Validate(string type, string value) =>
        new StixValidator().Validate(Encoding.UTF8.GetBytes(
            $$"""{"type":"{{type}}","spec_version":"2.1","id":"{{type}}--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"{{value}}"}"""));

    [Theory]
    [InlineData("198.51.100.3")]
    [InlineData("198.51.100.0/24")]
    [InlineData("0.0.0.0/0")]
    [InlineData("255.255.255.255/32")]
    public void IPv4_Accepts_AddressesAndCidrs(string value) =>
        Assert.DoesNotContain(Validate("ipv4-addr", value).Errors, e => e.Path == "$.value");

    [Theory]
    [InlineData("999.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.4/33")]
    [InlineData("1.2.3.4/")]
    [InlineData("1.2.3.4/024")]
    [InlineData("2001:db8::1")]
    [InlineData("example.com")]
    public void IPv4_Rejects_OtherText(string value) =>
        Assert.Contains(Validate("ipv4-addr", value).Errors, e => e.Path == "$.value");

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8::/32")]
    [InlineData("::1")]
    [InlineData("::ffff:198.51.100.3")]
    public void IPv6_Accepts_AddressesAndCidrs(string value) =>
        Assert.DoesNotContain(Validate("ipv6-addr", value).Errors, e => e.Path == "$.value");

    [Theory]
    [InlineData("198.51.100.3")]
    [InlineData("2001:db8::1/129")]
    [InlineData("fe80::1%eth0")]
    [InlineData("2001:db8:::1")]
    public void IPv6_Rejects_OtherText(string value) =>
        Assert.Contains(Validate("ipv6-addr", value).Errors, e => e.Path == "$.value");
}
