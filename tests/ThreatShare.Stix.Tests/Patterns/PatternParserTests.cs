using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

public sealed class PatternParserTests
{
    // Example patterns of the STIX 2.1 specification (section 9 and the indicator examples).
    public static TheoryData<string> SpecExamples => new()
    {
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
        @"[email-message:from_ref.value MATCHES '.+\\@example\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\.exe$']",
        "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Paul']",
        @"[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\xd4\\xc3\\xb2\\xa1\\x02\\x00\\x04\\x00']",
        @"[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\Windows\\System32']",
        "[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]",
        "[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']",
        "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
        "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
        "[domain-name:value = 'www.5z8.info' AND domain-name:resolvesto_refs[*].value = '198.51.100.1/32']",
        "[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']",
        "[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']",
        @"[windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\CryptoLocker\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\Microsoft\\CurrentVersion\\Run\\CryptoLocker_0388']",
        "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
        "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
        "[x-usb-device:usbdrive.serial_number = '575833344E30314E37324434']",
        "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
        "[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']",
        @"([file:name = 'foo.dll'] AND [win-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']",
        @"[file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar'] WITHIN 5 SECONDS",
        "[ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128']",
        "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c'] START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
        "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
        "[domain-name:value = 'evil.example.com']",
        "[file:name NOT LIKE '%.exe' AND file:size >= 1024]",
        "[EXISTS windows-registry-key:values]",
        "[file:name IN ('a.exe', 'b.exe')] OR [file:size NOT IN ()]",
        "[artifact:payload_bin = b'aGVsbG8=']",
        "[file:size = +5 AND file:size != -5.25]",
    };

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void Parse_Accepts_SpecExample(string pattern)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.NotNull(result.Pattern);
    }

    [Fact]
    public void Parse_Builds_ExpectedTree()
    {
        var result = StixPatternParser.Parse("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:name NOT LIKE 'a%']");

        var simple = Assert.IsType<SimpleObservation>(result.Pattern?.Expression);
        var and = Assert.IsType<CompoundComparison>(simple.Comparison);
        Assert.Equal(BooleanOperator.And, and.Operator);
        var hash = Assert.IsType<PropertyComparison>(and.Operands[0]);
        Assert.Equal("file", hash.Path.ObjectType);
        Assert.Equal([new PropertyStep("hashes"), new PropertyStep("SHA-256")], hash.Path.Steps);
        Assert.Equal(ComparisonOperator.Equal, hash.Operator);
        var like = Assert.IsType<PropertyComparison>(and.Operands[1]);
        Assert.True(like.Negated);
        Assert.Equal(ComparisonOperator.Like, like.Operator);
        Assert.Equal(new StringLiteral("a%"), like.Value);
    }

    [Fact]
    public void Parse_ObservationPrecedence_AndBindsTighterThanOr_OrTighterThanFollowedBy()
    {
        var result = StixPatternParser.Parse("[a-b:c = 1] FOLLOWEDBY [a-b:c = 2] OR [a-b:c = 3] AND [a-b:c = 4]");

        var followedBy = Assert.IsType<CompoundObservation>(result.Pattern?.Expression);
        Assert.Equal(ObservationOperator.FollowedBy, followedBy.Operator);
        Assert.IsType<SimpleObservation>(followedBy.Operands[0]);
        var or = Assert.IsType<CompoundObservation>(followedBy.Operands[1]);
        Assert.Equal(ObservationOperator.Or, or.Operator);
        var and = Assert.IsType<CompoundObservation>(or.Operands[1]);
        Assert.Equal(ObservationOperator.And, and.Operator);
    }

    [Fact]
    public void Parse_ComparisonPrecedence_AndBindsTighterThanOr()
    {
        var result = StixPatternParser.Parse("[file:name = 'a' OR file:name = 'b' AND file:size = 3]");

        var or = Assert.IsType<CompoundComparison>(Assert.IsType<SimpleObservation>(result.Pattern?.Expression).Comparison);
        Assert.Equal(BooleanOperator.Or, or.Operator);
        Assert.Equal(BooleanOperator.And, Assert.IsType<CompoundComparison>(or.Operands[1]).Operator);
    }

    [Fact]
    public void Parse_Qualifiers_AttachToPrecedingObservation()
    {
        var result = StixPatternParser.Parse("[file:name = 'a'] AND [file:name = 'b'] WITHIN 5.5 SECONDS");

        var and = Assert.IsType<CompoundObservation>(result.Pattern?.Expression);
        var qualified = Assert.IsType<QualifiedObservation>(and.Operands[1]);
        Assert.Equal(new WithinQualifier(5.5), Assert.Single(qualified.Qualifiers));
    }

    [Fact]
    public void Parse_SkipsComments_AndUnicodeWhitespace()
    {
        var result = StixPatternParser.Parse("/* block */ [file:name\u00A0=\u3000'a'] // trailing\n");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Parse_DecodesStringEscapes()
    {
        var result = StixPatternParser.Parse(@"[file:name = 'it\'s a \\ b']");

        var cmp = Assert.IsType<PropertyComparison>(Assert.IsType<SimpleObservation>(result.Pattern?.Expression).Comparison);
        Assert.Equal(new StringLiteral(@"it's a \ b"), cmp.Value);
    }

    [Theory]
    [InlineData("[file:name = 'a'", "expected ']' to close the observation expression opened at 1:1, found the end of the pattern", 1, 17)]
    [InlineData("", "pattern is empty", 1, 1)]
    [InlineData("file:name = 'a'", "a pattern starts with '['", 1, 1)]
    [InlineData("[file:name = 'a']]", "']' has no matching '['", 1, 18)]
    [InlineData("[file:name = 'a'] [file:name = 'b']", "expected AND, OR or FOLLOWEDBY", 1, 19)]
    [InlineData("[file:name = 'a' and file:size = 1]", "keywords are case-sensitive", 1, 18)]
    [InlineData("[file:name = 'a]", "string opened at 1:14 is not closed", 1, 14)]
    [InlineData(@"[file:name = 'a\n']", @"invalid escape '\n'", 1, 16)]
    [InlineData("[file:name = \"a\"]", "unexpected character '\"'", 1, 14)]
    [InlineData("[file:name]", "expected a comparison operator", 1, 11)]
    [InlineData("[]", "observation expression cannot be empty", 1, 2)]
    [InlineData("[NOT file:name = 'a']", "NOT goes between the object path and the operator", 1, 2)]
    [InlineData("[NOT EXISTS file:name]", "NOT cannot precede EXISTS", 1, 2)]
    [InlineData("[file:name = 'a'] NOT [file:name = 'b']", "expected AND, OR, FOLLOWEDBY or a qualifier", 1, 19)]
    [InlineData("[file:name EXISTS]", "EXISTS goes before the object path", 1, 12)]
    [InlineData("[file:name = 'a' AND]", "expected a comparison", 1, 21)]
    [InlineData("[file:extensions.windows-pebinary-ext.x = 1]", "contains '-': quote it", 1, 18)]
    [InlineData("[file:name = abc]", "strings are written in single quotes", 1, 14)]
    [InlineData("[file:size > true]", "needs an orderable value", 1, 14)]
    [InlineData("[file:name LIKE 5]", "LIKE needs a string value, found an integer", 1, 17)]
    [InlineData("[file:size = 007]", "without leading zeros", 1, 14)]
    [InlineData("[file:size = 1e5]", "no exponent", 1, 14)]
    [InlineData("[file:size = 99999999999999999999]", "out of range", 1, 14)]
    [InlineData("[file:size = 1.]", "digits after the point", 1, 14)]
    [InlineData("[file:name = 'a'] START '2016-01-01T00:00:00Z' STOP '2017-01-01T00:00:00Z'", "found a plain string (write t'...')", 1, 25)]
    [InlineData("[file:name = 'a'] WITHIN 5", "expected SECONDS", 1, 27)]
    [InlineData("[file:name = 'a'] REPEATS 2.5 TIMES", "REPEATS needs a positive integer", 1, 27)]
    [InlineData("[file:name IN 'a']", "IN needs a parenthesized list", 1, 15)]
    [InlineData("[file:name IN ('a' 'b')]", "expected ',' or ')' to close the IN list opened at 1:15", 1, 20)]
    [InlineData("[file:x[a] = 1]", "expected a list index", 1, 9)]
    [InlineData("[file: = 1]", "expected a property name after 'file:'", 1, 8)]
    [InlineData("[file name = 1]", "expected ':' after the object type 'file'", 1, 7)]
    [InlineData("/* open [file:name = 'a']", "comment opened at 1:1 is not closed", 1, 1)]
    [InlineData("[file:created = t'2016-13-01T00:00:00Z']", "invalid timestamp literal", 1, 17)]
    [InlineData("[file:magic_number_hex = h'abc']", "even number of hexadecimal digits, found 3", 1, 26)]
    [InlineData("[file:magic_number_hex = h'zz']", "only the digits 0-9", 1, 26)]
    [InlineData("[artifact:payload_bin = b'aGVsbG8']", "multiple of 4 characters, found 7", 1, 25)]
    [InlineData("[artifact:payload_bin = b'aG=sbG8=']", "'=' padding may appear only at the end", 1, 25)]
    [InlineData("[file:name = 'a'\n  OR file:name = 'b'", "opened at 1:1", 2, 21)]
    [InlineData("([file:name = 'a']", "expected ')' to close the group opened at 1:1", 1, 19)]
    [InlineData("[file:name = 'a'] AND", "expected an observation expression", 1, 22)]
    [InlineData("((file:name = 'a'))", "expected '[' to open an observation expression before the comparison, found 'file'", 1, 3)]
    [InlineData("[file:name = 'a'] WITHIN 5 SECONDS WITHIN 6 SECONDS", "already has a WITHIN qualifier", 1, 36)]
    public void Parse_Rejects_InvalidPattern(string pattern, string message, int line, int column)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.False(result.IsValid);
        var error = result.Errors[0];
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("[file:hashes.'SHA-256' = 'aec070645fe5']", "SHA-256 hash must be 64 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.MD5 = 'aec070645fe5']", "MD5 hash must be 32 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.'SHA-1' = 'aec070645fe5']", "SHA-1 hash must be 40 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.'SHA-512' = 'aec070645fe5']", "SHA-512 hash must be 128 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.'SHA3-256' = 'aec070645fe5']", "SHA3-256 hash must be 64 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.'SHA3-512' = 'aec070645fe5']", "SHA3-512 hash must be 128 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.sha256 = 'aec070645fe5']", "SHA-256 hash must be 64 hexadecimal digits, found 12")]
    [InlineData("[file:hashes.MD5 IN ('79054025255fb1a26e4bc422aef54eb4', 'abc')]", "MD5 hash must be 32 hexadecimal digits, found 3")]
    [InlineData("[file:hashes.MD5 = 'z9054025255fb1a26e4bc422aef54eb4']", "non-hexadecimal character")]
    [InlineData("[file:hashes.MD5 = 5]", "a hash value is a string")]
    [InlineData("[file:name = 'a'] START t'2017-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", "must be earlier than STOP")]
    [InlineData("[file:name = 'a'] START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'", "must be earlier than STOP")]
    [InlineData("[file:name = 'a'] REPEATS 0 TIMES", "REPEATS needs a positive integer, found 0")]
    [InlineData("[file:name = 'a'] REPEATS -3 TIMES", "REPEATS needs a positive integer, found -3")]
    [InlineData("[file:name = 'a'] WITHIN 0 SECONDS", "WITHIN needs a positive number of seconds, found 0")]
    [InlineData("[file:name = 'a'] WITHIN -0.5 SECONDS", "WITHIN needs a positive number of seconds")]
    [InlineData("[File:name = 'a']", "'File' is not a valid object type name")]
    [InlineData("[ab:name = 'a']", "'ab' is not a valid object type name")]
    [InlineData("[x--y:name = 'a']", "'x--y' is not a valid object type name")]
    [InlineData("[ipv4-addr:value ISSUBSET 'not-an-ip']", "ISSUBSET needs an IPv4 or IPv6 address or CIDR block")]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.100.0/33']", "ISSUBSET needs an IPv4 or IPv6 address or CIDR block")]
    [InlineData("[ipv6-addr:value ISSUPERSET '2001:db8::/129']", "ISSUPERSET needs an IPv4 or IPv6 address or CIDR block")]
    [InlineData("[file:name MATCHES '([a-z']", "MATCHES needs a valid regular expression")]
    public void Parse_Rejects_SemanticError_ButKeepsTree(string pattern, string message)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.NotNull(result.Pattern);
    }

    [Theory]
    [InlineData("[x-acme-widget:name = 'a']", "'x-acme-widget' is not an object type defined by STIX 2.1")]
    [InlineData("[file:x_acme_tag = 'a']", "'x_acme_tag' is not a property of 'file'")]
    [InlineData("[file:hashes.sha256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']", "should be written 'SHA-256'")]
    [InlineData("[file:hashes.'WHIRLPOOL' = 'abc']", "not in the STIX 2.1 hash-algorithm vocabulary")]
    [InlineData("[ipv4-addr:value = '1.2.3.4' AND domain-name:value = 'a.example']", "name different object types")]
    [InlineData("[file:name ISSUBSET '10.0.0.0/8']", "is not ipv4-addr or ipv6-addr")]
    [InlineData("[file:mtime > '2016-01-01T00:00:00Z']", "'mtime' is a timestamp: compare it with a timestamp literal")]
    [InlineData("[artifact:payload_bin = 'aGVsbG8=']", "'payload_bin' is binary")]
    [InlineData("[file:magic_number_hex = 'ffd8']", "'magic_number_hex' is hexadecimal")]
    public void Parse_Warns_ButAccepts(string pattern, string message)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Contains(result.Warnings, w => w.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PointsAndWarning_AtTheComparisonOfTheOtherType()
    {
        var result = StixPatternParser.Parse("[ipv4-addr:value = '1.2.3.4' AND\n domain-name:value = 'a.example']");

        var warning = Assert.Single(result.Warnings);
        Assert.Equal((2, 2), (warning.Line, warning.Column));
    }

    [Fact]
    public void Parse_ReportsEveryError_WithItsOwnPosition()
    {
        var result = StixPatternParser.Parse("[file:hashes.MD5 = 'abc' OR file:hashes.'SHA-1' = 'def'] REPEATS 0 TIMES");

        Assert.Equal(
            [
                new PatternDiagnostic("MD5 hash must be 32 hexadecimal digits, found 3", 1, 20),
                new PatternDiagnostic("SHA-1 hash must be 40 hexadecimal digits, found 3", 1, 51),
                new PatternDiagnostic("REPEATS needs a positive integer, found 0", 1, 66),
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("([file:name = 'a']) WITHIN 5 SECONDS WITHIN 6 SECONDS")]
    [InlineData("([file:name = 'a'] REPEATS 2 TIMES) REPEATS 3 TIMES")]
    [InlineData("( [(network-traffic:dst_port IN(22,2222) AND network-traffic:src_packets != 0) ])")]
    [InlineData("[network-traffic:src_port = 4444 AND network-traffic:dst_port = 80] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' OR [ipv4-addr:value = '203.0.113.9'] START t'2016-06-01T03:55:00Z' STOP t'2016-06-01T04:30:24.743Z'")]
    [InlineData("[ipv4addr:value NOT ISSUBSET '203.0.113.1/24']")]
    [InlineData("[abc:d=1]REPEATS 9 TIMES")]
    public void Parse_Accepts_GrammarCornerCases(string pattern)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(result.Pattern, StixPatternParser.Parse(result.Pattern?.ToString() ?? "").Pattern);
    }

    [Theory]
    [InlineData("([file:name = 'a'] REPEATS 2 TIMES REPEATS 3 TIMES)", "already has a REPEATS qualifier")]
    [InlineData("[file:name = 'a'] START t'2016-01-01T00:00:00Z' STOP t'2016-02-01T00:00:00Z' START t'2016-01-01T00:00:00Z' STOP t'2016-02-01T00:00:00Z'", "already has a START/STOP qualifier")]
    [InlineData("[file:name = 'a'] WITHIN 5 HOURS", "expected SECONDS after the WITHIN duration, found 'HOURS'")]
    [InlineData("[file:name MATCHES /x/]", "regular expressions are written as strings")]
    [InlineData("[file.size = 1]", "expected ':' after the object type 'file'")]
    [InlineData("[file:hashes.MD5 =? 'a']", "unexpected character '?'")]
    public void Parse_Rejects_GrammarCornerCases(string pattern, string message)
    {
        var result = StixPatternParser.Parse(pattern);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Accepts_BenchmarkComplexPattern()
    {
        var result = StixPatternParser.Parse(
            "([file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:name NOT LIKE '%.dll'] " +
            "AND [process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$']) " +
            "FOLLOWEDBY [network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64' AND network-traffic:dst_port IN (80, 443, 8080)] " +
            "WITHIN 300 SECONDS " +
            "OR [email-message:from_ref.value = 'ceo@evil.example.com' AND email-message:body_multipart[*].body_raw_ref.name = 'invoice.exe'] " +
            "START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_CountsLinesAndColumns_AcrossManyDiagnostics()
    {
        var result = StixPatternParser.Parse("[file:x_a = 1 AND\nfile:x_b = 2 AND\r\n  file:x_c = 3]");

        Assert.Equal([(1, 7), (2, 6), (3, 8)], result.Warnings.Select(w => (w.Line, w.Column)));
    }

    [Fact]
    public void Parse_Accepts_SsdeepAndTlsh_WithoutLengthCheck()
    {
        var result = StixPatternParser.Parse("[file:hashes.SSDEEP = '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C' OR file:hashes.TLSH = 'abc']");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_KnownSpecPattern_HasNoWarnings()
    {
        var result = StixPatternParser.Parse("[ipv4-addr:value = '198.51.100.1/32'] OR [domain-name:value = 'evil.example.com']");

        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_AllowsDoubleEqualsAndAngleNotEqual()
    {
        var result = StixPatternParser.Parse("[file:name == 'a' AND file:size <> 3]");

        Assert.True(result.IsValid);
        Assert.Equal("[file:name = 'a' AND file:size != 3]", result.Pattern?.ToString());
    }
}
