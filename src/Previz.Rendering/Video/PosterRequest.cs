using System.Globalization;

namespace Previz.Rendering.Video;

/// <summary>
/// A JPEG of the frame shown at <paramref name="Seconds"/>, at most <paramref name="MaxWidth"/> wide (never upscaled,
/// even height), at ffmpeg's <c>-q:v</c> <paramref name="Quality"/> (2 best … 31 worst).
/// </summary>
public sealed record PosterRequest(string OutputJpeg, double Seconds, int MaxWidth, int Quality)
{
    /// <summary>The scale filter and the JPEG output options after it, checked.</summary>
    internal (string Scale, string[] Output) Arguments()
    {
        ArgumentException.ThrowIfNullOrEmpty(OutputJpeg);
        CheckTime(Seconds, nameof(Seconds));

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWidth, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Quality, 31);
        // "-update 1" writes one picture, not a numbered sequence.
        return ($"scale='min({MaxWidth},iw)':-2", ["-frames:v", "1", "-q:v", Quality.ToString(CultureInfo.InvariantCulture), "-f", "mjpeg", "-update", "1", OutputJpeg]);
    }

    internal static void CheckTime(double seconds, string name)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(name, seconds, "The time must be a finite number of seconds from the start.");
        }
    }

    internal string Time => Seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
