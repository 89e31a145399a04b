namespace ThreatShare.Stix.Tests.Serialization;

/// <summary>Example objects of the STIX 2.1 specification (one per type), used as test data.</summary>
internal static class SpecExamples
{
    public static readonly IReadOnlyDictionary<string, (Type ClrType, string Json)> ByType = new Dictionary<string, (Type, string)>
    {
        ["attack-pattern"] = (typeof(AttackPattern), """
            {"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Spear Phishing",
             "description":"...","external_references":[{"source_name":"capec","external_id":"CAPEC-163"}]}
            """),
        ["campaign"] = (typeof(Campaign), """
            {"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z",
             "modified":"2016-04-06T20:03:00.000Z","name":"Green Group Attacks Against Finance",
             "description":"Campaign by Green Group against a series of targets in the financial services sector."}
            """),
        ["course-of-action"] = (typeof(CourseOfAction), """
            {"type":"course-of-action","spec_version":"2.1","id":"course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
             "modified":"2016-04-06T20:03:48.000Z","name":"Add TCP port 80 Filter Rule",
             "description":"This is how to add a filter rule to block inbound access to TCP port 80 to the existing UDP 1434 filter ..."}
            """),
        ["grouping"] = (typeof(Grouping), """
            {"type":"grouping","spec_version":"2.1","id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
             "created_by_ref":"identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283","created":"2015-12-21T19:59:11.000Z",
             "modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group",
             "description":"A simple collection of Black Vine Cyberespionage Group attributed intel","context":"suspicious-activity",
             "object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2","campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c",
               "relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a","file--0203b5c8-f8b6-4ddb-9ad0-527d727f968b"]}
            """),
        ["identity"] = (typeof(Identity), """
            {"type":"identity","spec_version":"2.1","id":"identity--e5f1b90a-d9b6-40ab-81a9-8a29df4b6b65",
             "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"ACME Widget, Inc.",
             "identity_class":"organization"}
            """),
        ["incident"] = (typeof(Incident), """
            {"type":"incident","spec_version":"2.1","id":"incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created":"2016-04-06T20:03:00.000Z","modified":"2016-04-06T20:03:00.000Z","name":"Breach of ACME",
             "kill_chain_phases":[{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"actions-on-objectives"}]}
            """),
        ["indicator"] = (typeof(Indicator), """
            {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
             "modified":"2016-04-06T20:03:48.000Z","indicator_types":["malicious-activity"],"name":"Poison Ivy Malware",
             "description":"This file is part of Poison Ivy",
             "pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
             "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"}
            """),
        ["infrastructure"] = (typeof(Infrastructure), """
            {"type":"infrastructure","spec_version":"2.1","id":"infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d",
             "created":"2016-05-07T11:22:30.000Z","modified":"2016-05-07T11:22:30.000Z","name":"Poison Ivy C2",
             "infrastructure_types":["command-and-control"]}
            """),
        ["intrusion-set"] = (typeof(IntrusionSet), """
            {"type":"intrusion-set","spec_version":"2.1","id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
             "modified":"2016-04-06T20:03:48.000Z","name":"Bobcat Breakin",
             "description":"Incidents usually feature a shared TTP of a bobcat being released within the building containing network access.",
             "aliases":["Zookeeper"],"goals":["acquisition-theft","harassment","damage"]}
            """),
        ["location"] = (typeof(Location), """
            {"type":"location","spec_version":"2.1","id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:00.000Z",
             "modified":"2016-04-06T20:03:00.000Z","latitude":48.8566,"longitude":2.3522}
            """),
        ["malware"] = (typeof(Malware), """
            {"type":"malware","spec_version":"2.1","id":"malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"Cryptolocker",
             "description":"A variant of the cryptolocker family","malware_types":["ransomware"],"is_family":false}
            """),
        ["malware-analysis"] = (typeof(MalwareAnalysis), """
            {"type":"malware-analysis","spec_version":"2.1","id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c",
             "created":"2020-01-16T18:52:24.277Z","modified":"2020-01-16T18:52:24.277Z","product":"microsoft",
             "analysis_engine_version":"5.1.0","analysis_definition_version":"053514-0","submitted":"2018-11-23T06:45:55.747Z",
             "analysis_started":"2018-11-23T06:45:55.747Z","analysis_ended":"2018-11-23T06:45:56.747Z",
             "result_name":"Trojan:Win32/Agent","result":"malicious",
             "analysis_sco_refs":["file--e3e2bdd5-c8a2-4ed4-a1c5-27cbbcde1b6c"],"sample_ref":"file--e3e2bdd5-c8a2-4ed4-a1c5-27cbbcde1b6c"}
            """),
        ["note"] = (typeof(Note), """
            {"type":"note","spec_version":"2.1","id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z",
             "external_references":[{"source_name":"job-tracker","external_id":"job-id-1234"}],
             "abstract":"Tracking Team Note#1",
             "content":"This note indicates the various steps taken by the threat analyst team to investigate this specific campaign.",
             "authors":["John Doe"],"object_refs":["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}
            """),
        ["observed-data"] = (typeof(ObservedData), """
            {"type":"observed-data","spec_version":"2.1","id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T19:58:16.000Z",
             "modified":"2016-04-06T19:58:16.000Z","first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z",
             "number_observed":50,"object_refs":["ipv4-address--efcd5e80-570d-4131-b213-62cb18eaa6a8",
               "domain-name--ecb120bf-2694-4902-a737-62b74539a41b"]}
            """),
        ["opinion"] = (typeof(Opinion), """
            {"type":"opinion","spec_version":"2.1","id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-05-12T08:17:27.000Z",
             "modified":"2016-05-12T08:17:27.000Z","object_refs":["relationship--16d2358f-3b0d-4c88-b047-0da2f7ed4471"],
             "opinion":"strongly-disagree","explanation":"This doesn't seem like it is feasible."}
            """),
        ["report"] = (typeof(Report), """
            {"type":"report","spec_version":"2.1","id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
             "created_by_ref":"identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283","created":"2015-12-21T19:59:11.000Z",
             "modified":"2015-12-21T19:59:11.000Z","name":"The Black Vine Cyberespionage Group",
             "description":"A simple report with an indicator and campaign","published":"2016-01-20T17:00:00.000Z",
             "report_types":["campaign"],"object_refs":["indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2",
               "campaign--83422c77-904c-4dc1-aff5-5c38f3a2c55c","relationship--f82356ae-fe6c-437c-9c24-6b64314ae68a"]}
            """),
        ["threat-actor"] = (typeof(ThreatActor), """
            {"type":"threat-actor","spec_version":"2.1","id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
             "modified":"2016-04-06T20:03:48.000Z","threat_actor_types":["crime-syndicate"],"name":"Evil Org",
             "description":"The Evil Org threat actor group","aliases":["Syndicate 1","Evil Syndicate 99"],"roles":["director"],
             "goals":["Steal bank money","Steal credit cards"],"sophistication":"advanced","resource_level":"team",
             "primary_motivation":"organizational-gain"}
            """),
        ["tool"] = (typeof(Tool), """
            {"type":"tool","spec_version":"2.1","id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:03:48.000Z",
             "modified":"2016-04-06T20:03:48.000Z","tool_types":["remote-access"],"name":"VNC"}
            """),
        ["vulnerability"] = (typeof(Vulnerability), """
            {"type":"vulnerability","spec_version":"2.1","id":"vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
             "created":"2016-05-12T08:17:27.000Z","modified":"2016-05-12T08:17:27.000Z","name":"CVE-2016-1234",
             "external_references":[{"source_name":"cve","external_id":"CVE-2016-1234"}]}
            """),
        ["relationship"] = (typeof(Relationship), """
            {"type":"relationship","spec_version":"2.1","id":"relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",
             "created":"2016-04-06T20:06:37.000Z","modified":"2016-04-06T20:06:37.000Z","relationship_type":"indicates",
             "source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b"}
            """),
        ["sighting"] = (typeof(Sighting), """
            {"type":"sighting","spec_version":"2.1","id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
             "created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","created":"2016-04-06T20:08:31.000Z",
             "modified":"2016-04-06T20:08:31.000Z","first_seen":"2015-12-21T19:00:00Z","last_seen":"2015-12-21T19:00:00Z",
             "count":50,"sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
             "where_sighted_refs":["identity--b67d30ff-02ac-498a-92f9-32f845f448ff"]}
            """),
        ["marking-definition"] = (typeof(MarkingDefinition), """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
             "created":"2016-08-01T00:00:00.000Z","definition_type":"statement","definition":{"statement":"Copyright 2019, Example Corp"}}
            """),
        ["language-content"] = (typeof(LanguageContent), """
            {"type":"language-content","id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d","spec_version":"2.1",
             "created":"2017-02-08T21:31:22.007Z","modified":"2017-02-08T21:31:22.007Z",
             "object_ref":"campaign--12a111f0-b824-4baf-a224-83b80237a094","object_modified":"2017-02-08T21:31:22.007Z",
             "contents":{"de":{"name":"Bank Angriff 1","description":"Weitere Informationen über Banküberfall"},
               "fr":{"name":"Attaque Bank 1","description":"Plus d'informations sur la crise bancaire"}}}
            """),
        ["extension-definition"] = (typeof(ExtensionDefinition), """
            {"id":"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62","type":"extension-definition","spec_version":"2.1",
             "name":"New SDO 1","description":"This schema creates a new object type called my-favorite-sdo-1",
             "created":"2014-02-20T09:16:08.989000Z","modified":"2014-02-20T09:16:08.989000Z",
             "created_by_ref":"identity--11b76a96-5d2b-45e0-8a5a-f6994f370731",
             "schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}
            """),
    };

    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ByType.Keys)
        {
            data.Add(name);
        }
        return data;
    }
}
