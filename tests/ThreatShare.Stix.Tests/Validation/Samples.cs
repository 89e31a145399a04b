namespace ThreatShare.Stix.Tests.Validation;

/// <summary>Valid STIX 2.1 objects, mostly the examples of the specification.</summary>
internal static class Samples
{
    public const string Indicator = """
        {
          "type": "indicator",
          "spec_version": "2.1",
          "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
          "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
          "created": "2016-04-06T20:03:48.000Z",
          "modified": "2016-04-06T20:03:48.000Z",
          "indicator_types": ["malicious-activity"],
          "name": "Poison Ivy Malware",
          "description": "This file is part of Poison Ivy",
          "pattern": "[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
          "pattern_type": "stix",
          "valid_from": "2016-01-01T00:00:00Z"
        }
        """;

    /// <summary>An indicator whose pattern is not STIX, so the pattern parser is not involved.</summary>
    public const string YaraIndicator = """
        {
          "type": "indicator",
          "spec_version": "2.1",
          "id": "indicator--a932fcc6-e032-476c-826f-cb970a5a1ade",
          "created": "2014-02-20T09:16:08.989Z",
          "modified": "2014-02-20T09:16:08.989Z",
          "name": "File hash for Poison Ivy variant",
          "indicator_types": ["malicious-activity"],
          "pattern": "rule PoisonIvy { condition: true }",
          "pattern_type": "yara",
          "valid_from": "2014-02-20T09:00:00Z"
        }
        """;

    public const string File = """
        {
          "type": "file",
          "spec_version": "2.1",
          "id": "file--e277603e-1060-5ad4-9937-c26c97f1ca68",
          "hashes": { "SHA-256": "ceafbfd424be2ca4a5f0402cae090dda2fb0526cf521b60b60077c0f622b285a" },
          "name": "qwerty.dll",
          "size": 25536
        }
        """;

    /// <summary>One valid object of every STIX 2.1 type (SDO, SRO, SCO, meta), by type.</summary>
    public static readonly IReadOnlyDictionary<string, string> EveryType = new Dictionary<string, string>
    {
        ["attack-pattern"] = """{"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Spear Phishing","description":"...","external_references":[{"source_name":"capec","external_id":"CAPEC-163"}]}""",
        ["campaign"] = """{"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"Green Group Attacks Against Finance","description":"Campaign by Green Group against a series of targets in the financial services sector.","first_seen":"2016-01-01T00:00:00Z","last_seen":"2016-04-01T00:00:00Z"}""",
        ["course-of-action"] = """{"type":"course-of-action","spec_version":"2.1","id":"course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Add TCP port 80 Filter Rule to the existing Block UDP 1434 Filter","description":"This is how to add a filter rule to block inbound access to TCP port 80 to the existing UDP 1434 filter ..."}""",
        ["grouping"] = """{"type":"grouping","spec_version":"2.1","id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3","created_by_ref":"identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group","description":"A simple collection of Black Vine Cyberespionage Group attributed intel","context":"suspicious-activity","object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c","relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a","file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b"]}""",
        ["identity"] = """{"type":"identity","spec_version":"2.1","id":"identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"John Smith","identity_class":"individual"}""",
        ["incident"] = """{"type":"incident","spec_version":"2.1","id":"incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Breach of the finance network"}""",
        ["indicator"] = YaraIndicator,
        ["infrastructure"] = """{"type":"infrastructure","spec_version":"2.1","id":"infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d","created":"2016-05-07T11:22:30.000Z","modified":"2016-05-07T11:22:30.000Z","name":"Poison Ivy C2","infrastructure_types":["command-and-control"]}""",
        ["intrusion-set"] = """{"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"Bobcat Breakin","description":"Incidents usually feature a shared TTP of a bobcat being released within the building containing network access, scaring users to leave their computers without locking them first. Still determining where the threat actors are getting the bobcats.","aliases":["Zookeeper"],"goals":["acquisition-theft","harassment","damage"]}""",
        ["location"] = """{"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","latitude":48.8566,"longitude":2.3522,"region":"western-europe"}""",
        ["malware"] = """{"type":"malware","spec_version":"2.1","id":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Cryptolocker","description":"A variant of the cryptolocker family","malware_types":["ransomware"],"is_family":false}""",
        ["malware-analysis"] = """{"type":"malware-analysis","spec_version":"2.1","id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c","created":"2021-12-11T07:17:44.542582Z","modified":"2021-12-11T07:17:44.542582Z","product":"microsoft","result":"malicious","analysis_sco_refs":["file--0cb9b8d8-e4e5-5b4c-a88e-2a0fba6bd6d3"]}""",
        ["note"] = """{"type":"note","spec_version":"2.1","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","external_references":[{"source_name":"job-tracker","external_id":"job-id-1234"}],"abstract":"Tracking Team Note#1","content":"This note indicates the various steps taken by the threat analyst team to investigate this specific campaign. Step 1) Do a scan 2) Review scanned results for identified hosts not known by external intel….etc","authors":["John Doe"],"object_refs":["campaign--6f2af3b5-8df2-4e54-b1c6-0c7f5bb0e8d6"]}""",
        ["observed-data"] = """{"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T19:58:16.000Z","modified":"2016-04-06T19:58:16.000Z","first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,"object_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","domain-name--ecb120bf-2694-4902-a737-62b74539a41b"]}""",
        ["opinion"] = """{"type":"opinion","spec_version":"2.1","id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"],"opinion":"strongly-disagree","explanation":"This doesn't seem like it is feasible. We've seen how PandaCat has attacked Spanish infrastructure over the last 3 years, so this change in targeting seems too great to be viable. The methods used are more commonly associated with the FlameDragonCrew."}""",
        ["report"] = """{"type":"report","spec_version":"2.1","id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3","created_by_ref":"identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group","description":"A simple report with an indicator and campaign","published":"2016-01-20T17:00:00.000Z","report_types":["campaign"],"object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c","relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a"]}""",
        ["threat-actor"] = """{"type":"threat-actor","spec_version":"2.1","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","threat_actor_types":["crime-syndicate"],"name":"Evil Org","description":"The Evil Org threat actor group","aliases":["Syndicate 1","Evil Syndicate 99"],"roles":["director"],"goals":["Steal bank money","Steal credit cards"],"sophistication":"advanced","resource_level":"team","primary_motivation":"organizational-gain"}""",
        ["tool"] = """{"type":"tool","spec_version":"2.1","id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","tool_types":["remote-access"],"name":"VNC"}""",
        ["vulnerability"] = """{"type":"vulnerability","spec_version":"2.1","id":"vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"CVE-2016-1234","external_references":[{"source_name":"cve","external_id":"CVE-2016-1234"}]}""",
        ["relationship"] = """{"type":"relationship","spec_version":"2.1","id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e","created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z","relationship_type":"indicates","source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"}""",
        ["sighting"] = """{"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:08:31.000Z","modified":"2016-04-06T20:08:31.000Z","first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z","count":50,"sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],"where_sighted_refs":["identity--b67d30ff-02ac-498a-92f9-32f845f448ff"]}""",
        ["marking-definition"] = """{"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da","created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:GREEN","definition":{"tlp":"green"}}""",
        ["language-content"] = """{"type":"language-content","id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d","spec_version":"2.1","created":"2017-02-08T21:31:22.007Z","modified":"2017-02-08T21:31:22.007Z","object_ref":"campaign--12a111f0-b824-4baf-a224-83b80237a094","object_modified":"2017-02-08T21:31:22.007Z","contents":{"de":{"name":"Bank Angriff 1","description":"Weitere Informationen über Banküberfall"},"fr":{"name":"Attaque Bank 1","description":"Plus d'informations sur la crise bancaire"}}}""",
        ["extension-definition"] = """{"id":"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e","type":"extension-definition","spec_version":"2.1","name":"Extension Foo Bar","description":"This schema creates a new object type called my-favorite-sdo-1","created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z","created_by_ref":"identity--11b76a96-5d2b-45e0-8a5a-f6994f370731","schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}""",
        ["artifact"] = """{"type":"artifact","spec_version":"2.1","id":"artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641","mime_type":"application/zip","payload_bin":"ZX7HIBWPBNYTXI4S","encryption_algorithm":"mime-type-indicated","decryption_key":"My voice is my passport"}""",
        ["autonomous-system"] = """{"type":"autonomous-system","spec_version":"2.1","id":"autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74","number":15139,"name":"Slime Industries","rir":"ARIN"}""",
        ["directory"] = """{"type":"directory","spec_version":"2.1","id":"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05","path":"C:\\Windows\\System32"}""",
        ["domain-name"] = """{"type":"domain-name","spec_version":"2.1","id":"domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5","value":"example.com"}""",
        ["email-addr"] = """{"type":"email-addr","spec_version":"2.1","id":"email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3","value":"john@example.com","display_name":"John Doe"}""",
        ["email-message"] = """{"type":"email-message","spec_version":"2.1","id":"email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265","from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed","to_refs":["email-addr--d1b3bf0c-f02a-51a1-8102-11aba7959868"],"is_multipart":true,"date":"1997-11-21T15:55:06.000Z","subject":"Will you go to lunch with me?","body_multipart":[{"content_type":"text/plain; charset=utf-8","content_disposition":"inline","body":"Cats are funny!"},{"content_type":"image/png","content_disposition":"attachment; filename=\"tabby.png\"","body_raw_ref":"artifact--4cce66f8-6eaa-53cb-85d5-3a85fca3a6c5"}]}""",
        ["file"] = File,
        ["ipv4-addr"] = """{"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","value":"198.51.100.3"}""",
        ["ipv6-addr"] = """{"type":"ipv6-addr","spec_version":"2.1","id":"ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1","value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}""",
        ["mac-addr"] = """{"type":"mac-addr","spec_version":"2.1","id":"mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00","value":"d2:fb:49:24:37:18"}""",
        ["mutex"] = """{"type":"mutex","spec_version":"2.1","id":"mutex--eba44954-d4e4-5d3b-814c-2b17dd8de300","name":"__CLEANSWEEP__"}""",
        ["network-traffic"] = """{"type":"network-traffic","spec_version":"2.1","id":"network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d","src_ref":"ipv4-addr--4d22aae0-2bf9-5427-8819-e4f6abf20a53","dst_ref":"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd","protocols":["tcp"],"extensions":{"tcp-ext":{"src_flags_hex":"00000002"}}}""",
        ["process"] = """{"type":"process","spec_version":"2.1","id":"process--f52a906a-0dfc-40bd-92f1-e7778ead38a9","pid":1221,"created_time":"2016-01-20T14:11:25.55Z","command_line":"./gedit-bin --new-window","image_ref":"file--e04f22d1-be2c-59de-add8-10f61d15fe20"}""",
        ["software"] = """{"type":"software","spec_version":"2.1","id":"software--a1827f6d-ca53-5605-9e93-4316cd22a00a","name":"Word","cpe":"cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*","version":"2002","vendor":"Microsoft"}""",
        ["url"] = """{"type":"url","spec_version":"2.1","id":"url--c1477287-23ac-5971-a010-5c287877fa60","value":"https://example.com/research/index.html"}""",
        ["user-account"] = """{"type":"user-account","spec_version":"2.1","id":"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c","user_id":"1001","account_login":"jdoe","account_type":"unix","display_name":"John Doe","is_service_account":false,"is_privileged":false,"can_escalate_privs":true,"account_created":"2016-01-20T12:31:12Z","credential_last_changed":"2016-01-20T14:27:43Z","account_first_login":"2016-01-20T14:26:07Z","account_last_login":"2016-07-22T16:08:28Z","extensions":{"unix-account-ext":{"gid":1001,"groups":["wheel"],"home_dir":"/home/jdoe","shell":"/bin/bash"}}}""",
        ["windows-registry-key"] = """{"type":"windows-registry-key","spec_version":"2.1","id":"windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016","key":"hkey_local_machine\\system\\bar\\foo","values":[{"name":"Foo","data":"qwerty","data_type":"REG_SZ"},{"name":"Bar","data":"42","data_type":"REG_DWORD"}]}""",
        ["x509-certificate"] = """{"type":"x509-certificate","spec_version":"2.1","id":"x509-certificate--463d7b2a-8516-5a50-a3d7-6f801465d5de","issuer":"C=ZA, ST=Western Cape, L=Cape Town, O=Thawte Consulting cc, OU=Certification Services Division, CN=Thawte Server CA/emailAddress=server-certs@thawte.com","validity_not_before":"2016-03-12T12:00:00Z","validity_not_after":"2016-08-21T12:00:00Z","subject":"C=US, ST=Maryland, L=Pasadena, O=Brent Baccala, OU=FreeSoft, CN=www.freesoft.org/emailAddress=baccala@freesoft.org","serial_number":"36:f7:d4:32:f4:ab:70:ea:d3:ce:98:6e:ea:99:93:49:32:0a:b7:06"}""",
    };
}
