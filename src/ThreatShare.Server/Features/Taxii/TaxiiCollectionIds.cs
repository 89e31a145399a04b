using System.Security.Cryptography;
using System.Text;
using ThreatShare.Core.Trust;
using ThreatShare.Server.Features.Identity;

namespace ThreatShare.Server.Features.Taxii;

/// <summary>
/// Collection ids: one collection per channel, its id a name-based UUID (RFC 9562 version 5) of the
/// channel name under a fixed namespace. Every node and every restart gives the same id, with no table
/// to keep (docs/decisions.md, "TAXII").
/// </summary>
internal static class TaxiiCollectionIds
{
    /// <summary>The namespace of ThreatShare's collection ids. Never change it: clients keep the ids.</summary>
    private static readonly Guid Namespace = new("6f1d8f1e-2b35-4f4e-9a57-3c1f0d7a9b21");

    /// <summary>The collection id of <paramref name="channel"/>.</summary>
    public static string Of(string channel)
    {
        Span<byte> name = stackalloc byte[16 + Encoding.UTF8.GetByteCount(channel)];
        Namespace.TryWriteBytes(name[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(channel, name[16..]);
        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what version 5 UUIDs are defined with; it names, it does not protect.
#pragma warning disable CA5350 // a name-based UUID, not a protection
        SHA1.HashData(name, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}

/// <summary>A channel as the caller sees it through TAXII.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Id">Its collection id.</param>
/// <param name="CanRead">The caller reads the channel (as a member, moderator or admin) and holds <c>stix.read</c>.</param>
/// <param name="CanWrite">The write rules let the caller post there and it holds <c>stix.write</c>.</param>
internal sealed record TaxiiChannel(Channel Channel, string Id, bool CanRead, bool CanWrite)
{
    /// <summary>The collection resource.</summary>
    public TaxiiCollection ToResource(string? sectorName) => new(
        Id,
        Channel.IsSector ? $"{Channel.Name} ({sectorName ?? Channel.Sector} sector)" : Channel.Name,
        Channel.IsSector ? $"The {sectorName ?? Channel.Sector} sector community: what its members share."
            : Channel == Channel.National ? "Broadcasts of the directorate to every member organization."
            : "The open forum of every member organization.",
        Channel.Name,
        CanRead,
        CanWrite,
        [TaxiiMedia.Stix]);

    /// <summary>
    /// The channels the caller may read or write, as collections: a channel the caller neither reads nor
    /// writes is not listed, and answers 404 like one that does not exist.
    /// </summary>
    public static IEnumerable<TaxiiChannel> For(Caller caller, IEnumerable<string> sectors)
    {
        foreach (var channel in sectors.Select(Channel.ForSector).Append(Channel.CrossSector).Append(Channel.National))
        {
            bool reads = caller.Reader.ReadsChannel(channel.Name);
            bool writes = WriteRules.CheckPost(caller.Poster, channel, Tlp.Green, 0) is null;
            if (reads || writes)
            {
                yield return new TaxiiChannel(channel, TaxiiCollectionIds.Of(channel.Name),
                    reads && caller.MayUse(Core.Storage.ApiScopes.StixRead), writes && caller.MayUse(Core.Storage.ApiScopes.StixWrite));
            }
        }
    }
}
