namespace ThreatShare.Stix.Tests.Primitives;

public sealed class StixNamesTests
{
    [Theory]
    [InlineData("indicator", true)]
    [InlineData("x-acme-widget", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("a--b", false)]
    [InlineData("Indicator", false)]
    [InlineData("x_acme", false)]
    [InlineData("", false)]
    public void IsValidTypeName(string name, bool valid) => Assert.Equal(valid, StixNames.IsValidTypeName(name));

    [Fact]
    public void TypeName_LengthLimit()
    {
        Assert.True(StixNames.IsValidTypeName(new string('a', 250)));
        Assert.False(StixNames.IsValidTypeName(new string('a', 251)));
    }

    [Theory]
    [InlineData("id", true)]
    [InlineData("x_acme_score", true)]
    [InlineData("name", true)]
    [InlineData("ab", false)]
    [InlineData("x-acme", false)]
    [InlineData("Name", false)]
    [InlineData("na me", false)]
    public void IsValidPropertyName(string name, bool valid) => Assert.Equal(valid, StixNames.IsValidPropertyName(name));

    [Fact]
    public void PropertyName_LengthLimit()
    {
        Assert.True(StixNames.IsValidPropertyName(new string('a', 250)));
        Assert.False(StixNames.IsValidPropertyName(new string('a', 251)));
    }
}
