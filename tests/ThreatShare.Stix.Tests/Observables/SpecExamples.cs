namespace ThreatShare.Stix.Tests.Observables;

/// <summary>Example SCOs of the STIX 2.1 specification (section 6), one or more per type and extension.</summary>
internal static class SpecExamples
{
    public const string ArtifactEmbedded = """
        {
          "type": "artifact", "spec_version": "2.1", "id": "artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641",
          "mime_type": "application/zip",
          "payload_bin": "UEsDBBQAAAAIAAAAIQB4nGVSy27bMBC8+ys2+Qw=",
          "encryption_algorithm": "mime-type-indicated",
          "decryption_key": "My voice is my passport"
        }
        """;

    public const string ArtifactByUrl = """
        {
          "type": "artifact", "spec_version": "2.1", "id": "artifact--ca17bcf8-9846-5ab4-8662-75c1bf6e63ee",
          "mime_type": "image/jpeg", "url": "https://upload.example.org/picture.jpg",
          "hashes": { "SHA-256": "effb46bba03f6c8aea5c653f9cf984f170dcdd3bbbe2ff6843c3e5da0e698766" }
        }
        """;

    public const string AutonomousSystem = """
        {
          "type": "autonomous-system", "spec_version": "2.1", "id": "autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74",
          "number": 15139, "name": "Slime Industries", "rir": "ARIN"
        }
        """;

    public const string Directory = """
        {
          "type": "directory", "spec_version": "2.1", "id": "directory--93c0a9b0-520d-545d-9094-1a08ddf46b05",
          "path": "C:\\Windows\\System32", "ctime": "2016-02-01T11:24:01.123Z",
          "contains_refs": ["file--c8a8d46e-d5a7-5e87-8b73-e8d6e4c4d0a1"]
        }
        """;

    public const string DomainName = """
        {
          "type": "domain-name", "spec_version": "2.1", "id": "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5",
          "value": "example.com", "resolves_to_refs": ["ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd"]
        }
        """;

    public const string EmailAddress = """
        {
          "type": "email-addr", "spec_version": "2.1", "id": "email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3",
          "value": "john@example.com", "display_name": "John Doe",
          "belongs_to_ref": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c"
        }
        """;

    public const string EmailMessageSimple = """
        {
          "type": "email-message", "spec_version": "2.1", "id": "email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265",
          "from_ref": "email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed",
          "to_refs": ["email-addr--d1b3bf0c-f02a-51a1-8102-11aba7959868"],
          "is_multipart": false, "date": "1997-11-21T15:55:06.000Z", "subject": "Saw your party photos",
          "body": "Hi, check out these photos"
        }
        """;

    public const string EmailMessageMultipart = """
        {
          "type": "email-message", "spec_version": "2.1", "id": "email-message--cf9b4b7f-14c8-5955-8065-020e0316b559",
          "is_multipart": true,
          "received_lines": ["from mail.example.com ([198.51.100.3]) by smtp.gmail.com with ESMTPSA id q23sm23309939wme.17.2016.07.19.07.20.32 (version=TLS1_2 cipher=ECDHE-RSA-AES128-GCM-SHA256 bits=128/128); Tue, 19 Jul 2016 07:20:40 -0700 (PDT)"],
          "content_type": "multipart/mixed", "date": "2016-06-19T14:20:40.000Z",
          "from_ref": "email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed",
          "to_refs": ["email-addr--d1b3bf0c-f02a-51a1-8102-11aba7959868"],
          "cc_refs": ["email-addr--e4ee5301-b52d-59cd-a8fa-8036738c7194"],
          "subject": "Check out this picture of a cat!",
          "additional_header_fields": { "Content-Disposition": "inline", "X-Mailer": "Mutt/1.5.23", "X-Originating-IP": "198.51.100.3" },
          "body_multipart": [
            { "content_type": "text/plain; charset=utf-8", "content_disposition": "inline", "body": "Cats are funny!" },
            { "content_type": "image/png", "content_disposition": "attachment; filename=\"tabby.png\"",
              "body_raw_ref": "artifact--4cce66f8-6eaa-53cb-85d5-3a85fca3a6c5" },
            { "content_type": "application/zip", "content_disposition": "attachment; filename=\"tabby_pics.zip\"",
              "body_raw_ref": "file--6ce09d9c-0ad3-5ebf-900c-e3cb288955b5" }
          ],
          "raw_email_ref": "artifact--cb37bcf8-9846-5ab4-8662-75c1bf6e63ee"
        }
        """;

    public const string FileBasic = """
        {
          "type": "file", "spec_version": "2.1", "id": "file--e277603e-1060-5ad4-9937-c26c97f1ca68",
          "hashes": { "SHA-256": "ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a" },
          "size": 25536, "name": "foo.dll", "name_enc": "utf-8", "magic_number_hex": "4D5A", "mime_type": "application/x-msdownload",
          "ctime": "2016-01-20T14:11:25.55Z", "mtime": "2016-01-20T14:11:25.55Z", "atime": "2016-01-20T14:11:25.55Z",
          "parent_directory_ref": "directory--93c0a9b0-520d-545d-9094-1a08ddf46b05",
          "content_ref": "artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641"
        }
        """;

    public const string FileArchive = """
        {
          "type": "file", "spec_version": "2.1", "id": "file--9a1f834d-2506-5367-baec-7aa63996ac43",
          "name": "foo.zip",
          "hashes": { "SHA-256": "35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f" },
          "mime_type": "application/zip",
          "extensions": {
            "archive-ext": {
              "contains_refs": ["file--019fde1c-94ab-5be8-bd0a-ee33e3a7fb2c", "file--94fc2163-dec3-5715-b824-6e689c4de865"],
              "comment": "Important documents"
            }
          }
        }
        """;

    public const string FileNtfs = """
        {
          "type": "file", "spec_version": "2.1", "id": "file--73c4cd13-7206-5100-88ee-822c42d3f02a",
          "name": "test.txt",
          "extensions": {
            "ntfs-ext": {
              "sid": "S-1-5-21-3623811015-3361044348-30300820-1013",
              "alternate_data_streams": [
                { "name": "second.stream", "size": 25536, "hashes": { "SHA-256": "ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a" } }
              ]
            }
          }
        }
        """;

    public const string FilePdf = """
        {
          "type": "file", "spec_version": "2.1", "id": "file--ec3415cc-5f4f-5ec8-bdb1-6f86996ae66d",
          "name": "example.pdf",
          "extensions": {
            "pdf-ext": {
              "version": "1.7", "is_optimized": false,
              "document_info_dict": { "Title": "Sample document", "Author": "Adobe Systems Incorporated", "Creator": "Adobe FrameMaker 5.5.3 for Power Macintosh", "Producer": "Acrobat Distiller 3.01 for Power Macintosh", "CreationDate": "20070412090123-02" },
              "pdfid0": "DFCE52BD827ECF765649852119D",
              "pdfid1": "57A1E0F9ED2AE523E313C"
            }
          }
        }
        """;

    public const string FileRasterImage = """
        {
          "type": "file", "spec_version": "2.1", "id": "file--c7d1e135-8b34-549a-bb47-302f5cf998ed",
          "name": "picture.jpg",
          "hashes": { "SHA-256": "4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877" },
          "extensions": {
            "raster-image-ext": {
              "image_height": 768, "image_width": 1024, "bits_per_pixel": 72,
              "exif_tags": { "Make": "Nikon", "Model": "D7000", "XResolution": 4928, "YResolution": 3264 }
            }
          }
        }
        """;

    public const string FilePe = """
        {
          "type": "file", "spec_version": "2.1", "id": "file--fb0419a8-f09c-57f8-be64-71a80417591c",
          "name": "sirvizio.exe",
          "extensions": {
            "windows-pebinary-ext": {
              "pe_type": "exe", "machine_hex": "014c", "number_of_sections": 4,
              "time_date_stamp": "2016-01-22T12:31:12Z",
              "pointer_to_symbol_table_hex": "74726144", "number_of_symbols": 4542568,
              "size_of_optional_header": 224, "characteristics_hex": "818f",
              "optional_header": {
                "magic_hex": "010b", "major_linker_version": 2, "minor_linker_version": 25,
                "size_of_code": 512, "size_of_initialized_data": 283648, "size_of_uninitialized_data": 0,
                "address_of_entry_point": 4096, "base_of_code": 4096, "base_of_data": 8192,
                "image_base": 14548992, "section_alignment": 4096, "file_alignment": 4096,
                "major_os_version": 1, "minor_os_version": 0, "major_image_version": 0, "minor_image_version": 0,
                "major_subsystem_version": 4, "minor_subsystem_version": 0, "win32_version_value_hex": "00",
                "size_of_image": 299008, "size_of_headers": 4096, "checksum_hex": "00", "subsystem_hex": "03",
                "dll_characteristics_hex": "00", "size_of_stack_reserve": 100000, "size_of_stack_commit": 8192,
                "size_of_heap_reserve": 100000, "size_of_heap_commit": 4096, "loader_flags_hex": "abdbffde",
                "number_of_rva_and_sizes": 3758087646
              },
              "sections": [
                { "name": "CODE", "entropy": 7.980693,
                  "hashes": { "SHA-256": "6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0" } }
              ]
            }
          }
        }
        """;

    public const string IPv4 = """
        { "type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd", "value": "198.51.100.3" }
        """;

    public const string IPv4Cidr = """
        { "type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--f0cbdc33-fe7d-5ac6-9bbe-5a5bd7a4b7ab", "value": "198.51.100.0/24",
          "resolves_to_refs": ["mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00"], "belongs_to_refs": ["autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74"] }
        """;

    public const string IPv6 = """
        { "type": "ipv6-addr", "spec_version": "2.1", "id": "ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1", "value": "2001:0db8:85a3:0000:0000:8a2e:0370:7334" }
        """;

    public const string MacAddress = """
        { "type": "mac-addr", "spec_version": "2.1", "id": "mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00", "value": "d2:fb:49:24:37:18" }
        """;

    public const string Mutex = """
        { "type": "mutex", "spec_version": "2.1", "id": "mutex--eba44954-d4e4-5d3b-814c-2b17dd8de300", "name": "__CLEANSWEEP__" }
        """;

    public const string NetworkTrafficBasic = """
        {
          "type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
          "src_ref": "ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53", "dst_ref": "ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd",
          "protocols": ["tcp"], "start": "2016-06-19T14:20:40Z", "end": "2016-06-19T14:21:40Z", "is_active": false,
          "src_port": 3372, "dst_port": 80, "src_byte_count": 1000, "dst_byte_count": 1234567,
          "src_packets": 10, "dst_packets": 1001,
          "ipfix": { "minimumIpTotalLength": 32, "maximumIpTotalLength": 2556 },
          "src_payload_ref": "artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641",
          "encapsulates_refs": ["network-traffic--53e0bf48-2eee-5c03-8bde-ed7049d2c0a3"],
          "encapsulated_by_ref": "network-traffic--f8ea4123-8365-5ba6-b37f-6d7adbb3ac08",
          "extensions": { "tcp-ext": { "src_flags_hex": "00000002" } }
        }
        """;

    public const string NetworkTrafficHttp = """
        {
          "type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--f8ae967a-3dc3-5cdf-8f94-8505abff00c2",
          "dst_ref": "ipv4-addr--6da8dad3-4de3-5f8e-ab23-45d0b8f12f16", "protocols": ["tcp", "http"],
          "extensions": {
            "http-request-ext": {
              "request_method": "get", "request_value": "/download.html", "request_version": "http/1.1",
              "request_header": { "Accept-Encoding": ["gzip,deflate"], "User-Agent": ["Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US; rv:1.6) Gecko/20040113"], "Host": ["www.example.com"] },
              "message_body_length": 147,
              "message_body_data_ref": "artifact--cb37bcf8-9846-5ab4-8662-75c1bf6e63ee"
            }
          }
        }
        """;

    public const string NetworkTrafficIcmp = """
        {
          "type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--e7a939ca-78c6-5f27-8ae0-4ad112454626",
          "src_ref": "ipv4-addr--6da8dad3-4de3-5f8e-ab23-45d0b8f12f16", "dst_ref": "ipv4-addr--b5b61bc8-0e2b-5ae2-8b5a-4ae6dd3c1d2d",
          "protocols": ["icmp"],
          "extensions": { "icmp-ext": { "icmp_type_hex": "08", "icmp_code_hex": "00" } }
        }
        """;

    public const string NetworkTrafficSocket = """
        {
          "type": "network-traffic", "spec_version": "2.1", "id": "network-traffic--c95e972a-20a4-5307-b00d-b8393faf02c5",
          "src_ref": "ipv4-addr--6da8dad3-4de3-5f8e-ab23-45d0b8f12f16", "src_port": 223, "protocols": ["ip", "tcp"],
          "extensions": {
            "socket-ext": {
              "is_listening": true, "is_blocking": false, "address_family": "AF_INET", "socket_type": "SOCK_STREAM",
              "options": { "SO_RCVBUF": 4096 }, "socket_descriptor": 3, "socket_handle": 5
            }
          }
        }
        """;

    public const string Process = """
        {
          "type": "process", "spec_version": "2.1", "id": "process--f52a906a-0dfc-40bd-92f1-e7778ead38a9",
          "pid": 1221, "is_hidden": false, "created_time": "2016-01-20T14:11:25.55Z", "cwd": "/tmp/",
          "command_line": "./gedit-bin --new-window", "environment_variables": { "HOME": "/home/jdoe" },
          "image_ref": "file--e04f22d1-be2c-59de-add8-10f61d15fe20",
          "creator_user_ref": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c",
          "parent_ref": "process--8d3b2f12-2b8a-4f7f-9a1c-3e1f4a2f9f10",
          "child_refs": ["process--1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d"],
          "opened_connection_refs": ["network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d"]
        }
        """;

    public const string ProcessWindows = """
        {
          "type": "process", "spec_version": "2.1", "id": "process--07bc30ad-de4a-4ba4-916e-d7a1f5d8f04f",
          "pid": 314, "command_line": "C:\\Windows\\System32\\sirvizio.exe /s",
          "extensions": {
            "windows-process-ext": {
              "aslr_enabled": true, "dep_enabled": true, "priority": "HIGH_PRIORITY_CLASS",
              "owner_sid": "S-1-5-21-186985262-1144665072-74031268-1309", "window_title": "Sirvizio",
              "startup_info": { "lpDesktop": "winsta0\\default", "dwX": 0 }, "integrity_level": "high"
            },
            "windows-service-ext": {
              "service_name": "sirvizio", "descriptions": ["Sirvizio service"], "display_name": "Sirvizio",
              "group_name": "netsvcs", "start_type": "SERVICE_AUTO_START",
              "service_dll_refs": ["file--2a18db04-6ed0-5df4-8a58-e1ecd2b1c9b3"],
              "service_type": "SERVICE_WIN32_OWN_PROCESS", "service_status": "SERVICE_RUNNING"
            }
          }
        }
        """;

    public const string Software = """
        {
          "type": "software", "spec_version": "2.1", "id": "software--a1827f6d-ca53-5605-9e93-4316cd22a00a",
          "name": "Word", "cpe": "cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*", "languages": ["eng"],
          "version": "2002", "vendor": "Microsoft"
        }
        """;

    public const string Url = """
        { "type": "url", "spec_version": "2.1", "id": "url--c1477287-23ac-5971-a010-5c287877fa60", "value": "https://example.com/research/index.html" }
        """;

    public const string UserAccountUnix = """
        {
          "type": "user-account", "spec_version": "2.1", "id": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c",
          "user_id": "1001", "account_login": "jdoe", "account_type": "unix", "display_name": "John Doe",
          "is_service_account": false, "is_privileged": false, "can_escalate_privs": true, "is_disabled": false,
          "account_created": "2016-01-20T12:31:12Z", "account_expires": "2018-01-20T12:31:12Z",
          "credential_last_changed": "2016-01-20T14:27:43Z", "account_first_login": "2016-01-20T14:26:07Z",
          "account_last_login": "2016-07-22T16:08:28Z",
          "extensions": {
            "unix-account-ext": { "gid": 1001, "groups": ["wheel"], "home_dir": "/home/jdoe", "shell": "/bin/bash" }
          }
        }
        """;

    public const string WindowsRegistryKey = """
        {
          "type": "windows-registry-key", "spec_version": "2.1", "id": "windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016",
          "key": "hkey_local_machine\\system\\bar\\foo",
          "values": [
            { "name": "Foo", "data": "qwerty", "data_type": "REG_SZ" },
            { "name": "Bar", "data": "42", "data_type": "REG_DWORD" }
          ],
          "modified_time": "2018-01-20T12:31:12Z",
          "creator_user_ref": "user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c",
          "number_of_subkeys": 2
        }
        """;

    public const string X509Certificate = """
        {
          "type": "x509-certificate", "spec_version": "2.1", "id": "x509-certificate--b595eaf0-0b28-5dad-9e8e-0fab9c1facc9",
          "issuer": "C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc, OU=Certification Services Division, CN=Thawte Server CA/emailAddress=server-certs@thawte.com",
          "validity_not_before": "2016-03-12T12:00:00Z", "validity_not_after": "2016-08-21T12:00:00Z",
          "subject": "C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft, CN=www.freesoft.org/emailAddress=baccala@freesoft.org",
          "serial_number": "36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06",
          "is_self_signed": false, "version": "3", "signature_algorithm": "md5WithRSAEncryption",
          "subject_public_key_algorithm": "rsaEncryption", "subject_public_key_modulus": "00:b4:31:98:0a:c4:bc:62:c1:88:aa:dc:b0:c8:bb",
          "subject_public_key_exponent": 65537,
          "x509_v3_extensions": {
            "basic_constraints": "critical,CA:TRUE, pathlen:0", "name_constraints": "permitted;IP:192.168.0.0/255.255.0.0",
            "policy_constraints": "requireExplicitPolicy:3", "key_usage": "critical, keyCertSign",
            "extended_key_usage": "critical,codeSigning,1.2.3.4", "subject_key_identifier": "hash",
            "authority_key_identifier": "keyid,issuer", "subject_alternative_name": "email:my@other.address,RID:1.2.3.4",
            "issuer_alternative_name": "issuer:copy", "crl_distribution_points": "URI:http://myhost.com/myca.crl",
            "inhibit_any_policy": "2", "private_key_usage_period_not_before": "2016-03-12T12:00:00Z",
            "private_key_usage_period_not_after": "2018-03-12T12:00:00Z", "certificate_policies": "1.2.4.5, 1.1.3.4"
          }
        }
        """;

    public static TheoryData<string, Type, string> All => new()
    {
        { nameof(ArtifactEmbedded), typeof(Artifact), ArtifactEmbedded },
        { nameof(ArtifactByUrl), typeof(Artifact), ArtifactByUrl },
        { nameof(AutonomousSystem), typeof(Stix.AutonomousSystem), AutonomousSystem },
        { nameof(Directory), typeof(StixDirectory), Directory },
        { nameof(DomainName), typeof(Stix.DomainName), DomainName },
        { nameof(EmailAddress), typeof(Stix.EmailAddress), EmailAddress },
        { nameof(EmailMessageSimple), typeof(EmailMessage), EmailMessageSimple },
        { nameof(EmailMessageMultipart), typeof(EmailMessage), EmailMessageMultipart },
        { nameof(FileBasic), typeof(StixFile), FileBasic },
        { nameof(FileArchive), typeof(StixFile), FileArchive },
        { nameof(FileNtfs), typeof(StixFile), FileNtfs },
        { nameof(FilePdf), typeof(StixFile), FilePdf },
        { nameof(FileRasterImage), typeof(StixFile), FileRasterImage },
        { nameof(FilePe), typeof(StixFile), FilePe },
        { nameof(IPv4), typeof(IPv4Address), IPv4 },
        { nameof(IPv4Cidr), typeof(IPv4Address), IPv4Cidr },
        { nameof(IPv6), typeof(IPv6Address), IPv6 },
        { nameof(MacAddress), typeof(Stix.MacAddress), MacAddress },
        { nameof(Mutex), typeof(StixMutex), Mutex },
        { nameof(NetworkTrafficBasic), typeof(NetworkTraffic), NetworkTrafficBasic },
        { nameof(NetworkTrafficHttp), typeof(NetworkTraffic), NetworkTrafficHttp },
        { nameof(NetworkTrafficIcmp), typeof(NetworkTraffic), NetworkTrafficIcmp },
        { nameof(NetworkTrafficSocket), typeof(NetworkTraffic), NetworkTrafficSocket },
        { nameof(Process), typeof(StixProcess), Process },
        { nameof(ProcessWindows), typeof(StixProcess), ProcessWindows },
        { nameof(Software), typeof(Stix.Software), Software },
        { nameof(Url), typeof(Stix.Url), Url },
        { nameof(UserAccountUnix), typeof(UserAccount), UserAccountUnix },
        { nameof(WindowsRegistryKey), typeof(Stix.WindowsRegistryKey), WindowsRegistryKey },
        { nameof(X509Certificate), typeof(Stix.X509Certificate), X509Certificate },
    };
}
