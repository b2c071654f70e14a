using System.Text;

namespace Previz.JobsBench;

/// <summary>
/// Every job gets a different clip, as from a real vendor, so each is stored and given a poster rather than found
/// already stored (the store is content-addressed): the clip carries a placeholder in its metadata that each request's
/// file has its own id in instead (same length, so the MP4 stays valid).
/// </summary>
internal static class BenchClip
{
    public const string Marker = "previz-bench-clip-placeholder-id";

    /// <summary>The clip with the request's id (a GUID without dashes: 32 characters) in place of <see cref="Marker"/>.</summary>
    public static byte[] WithId(byte[] clip, string requestId)
    {
        var copy = (byte[])clip.Clone();
        var marker = Encoding.ASCII.GetBytes(Marker);
        var at = copy.AsSpan().IndexOf(marker);
        var id = Encoding.ASCII.GetBytes(Guid.Parse(requestId).ToString("N"));
        if (at < 0 || id.Length != marker.Length)
        {
            throw new InvalidOperationException("The bench clip lacks its placeholder.");
        }

        id.CopyTo(copy.AsSpan(at));
        return copy;
    }
}
