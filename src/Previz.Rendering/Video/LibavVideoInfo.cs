using System.Runtime.InteropServices;
using System.Text;

namespace Previz.Rendering.Video;

/// <summary>
/// The C struct <c>pvm_video_info</c> of native/previz-media/previz_media.h, field for field (176 bytes; the library
/// reports its size and a mismatch turns the in-process path off).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LibavVideoInfo
{
    public fixed byte Codec[64];
    public fixed byte PixelFormat[64];
    public int Width;
    public int Height;
    public int AverageFrameRateNumerator;
    public int AverageFrameRateDenominator;
    public int RealFrameRateNumerator;
    public int RealFrameRateDenominator;
    public long FramesDecoded;
    public double StreamDuration;
    public double FormatDuration;

    /// <summary>The same figures <see cref="Ffprobe"/> reads from ffprobe's JSON, by the same rules.</summary>
    public readonly VideoProbe ToProbe()
    {
        // ffprobe prints N/A for an unknown duration, which reads as 0: then the container's duration counts.
        var duration = double.IsNaN(StreamDuration) ? 0 : StreamDuration;
        if (duration <= 0)
        {
            duration = double.IsNaN(FormatDuration) ? 0 : FormatDuration;
        }

        fixed (byte* codec = Codec, pixelFormat = PixelFormat)
        {
            return new VideoProbe(
                Text(codec, 64),
                Text(pixelFormat, 64),
                Width,
                Height,
                Rate(AverageFrameRateNumerator, AverageFrameRateDenominator),
                Rate(RealFrameRateNumerator, RealFrameRateDenominator),
                (int)FramesDecoded,
                duration);
        }
    }

    private static string Text(byte* bytes, int capacity)
    {
        var span = new ReadOnlySpan<byte>(bytes, capacity);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    /// <summary>0/0 (unknown) reads as 0, as ffprobe's "0/0" does.</summary>
    private static double Rate(int numerator, int denominator) => denominator != 0 ? (double)numerator / denominator : 0;
}
