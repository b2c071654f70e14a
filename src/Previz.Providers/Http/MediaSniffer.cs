using Previz.Providers.Hosting;

namespace Previz.Providers.Http;

/// <summary>Recognises video and image files by their leading bytes.</summary>
internal static class MediaSniffer
{
    /// <summary>Bytes needed to recognise every format below.</summary>
    public const int HeaderLength = 16;

    public static (MediaKind Kind, string Format, string ContentType)? Identify(ReadOnlySpan<byte> head)
    {
        // ISO base media (MP4, MOV, M4V, 3GP): a box size, then "ftyp" (ISO/IEC 14496-12 §4.3).
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return head.Length >= 12 && head[8..12].SequenceEqual("qt  "u8)
                ? (MediaKind.Video, "mov", "video/quicktime")
                : (MediaKind.Video, "mp4", "video/mp4");
        }

        // Matroska / WebM: EBML magic 1A 45 DF A3 (RFC 8794 §8).
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return (MediaKind.Video, "webm", "video/webm");
        }

        // PNG signature (RFC 2083 §12.11).
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (MediaKind.Image, "png", "image/png");
        }

        // JPEG SOI marker followed by another marker.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return (MediaKind.Image, "jpeg", "image/jpeg");
        }

        // WebP: RIFF....WEBP.
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return (MediaKind.Image, "webp", "image/webp");
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return (MediaKind.Image, "gif", "image/gif");
        }

        return null;
    }

    public static bool Accepts(ExpectedMedia expected, MediaKind kind) => expected switch
    {
        ExpectedMedia.Video => kind == MediaKind.Video,
        ExpectedMedia.Image => kind == MediaKind.Image,
        _ => true,
    };
}
