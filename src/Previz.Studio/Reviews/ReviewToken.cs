using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Previz.Studio.Reviews;

/// <summary>
/// A review link's secret: 256 random bits from <see cref="RandomNumberGenerator"/>, written as 43 characters of
/// unpadded base64url. Only its SHA-256 is stored; the text is shown once, in the link's address.
/// </summary>
public static class ReviewToken
{
    /// <summary>Random bytes per token (256 bits; at least 128 are required).</summary>
    public const int Bytes = 32;

    /// <summary>Characters of a token: unpadded base64url of <see cref="Bytes"/> bytes.</summary>
    public const int Length = (Bytes * 8 + 5) / 6;

    /// <summary>A new token and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));
        return (token, Hash(token));
    }

    /// <summary>SHA-256 of the token's text, lowercase hex (what <see cref="Persistence.ReviewLink.TokenHash"/> holds).</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
    }

    /// <summary>True when <paramref name="text"/> has a token's shape (so anything else is refused without a lookup).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Compares two stored hashes in constant time.</summary>
    public static bool SameHash(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
    }
}
