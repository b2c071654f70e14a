namespace Previz.Providers.Inputs;

/// <summary>
/// Where a start or end frame comes from: a Direct Render capture of the shot, an image file (a gallery image is a
/// file too), or image bytes already in memory. Serialisable as its <see cref="Describe"/> text for provenance.
/// </summary>
public abstract record FrameSource
{
    /// <summary>Direct Render's shaded pass of the shot at <paramref name="shotTime"/> seconds after the shot starts.</summary>
    public static FrameSource Capture(double shotTime) => new CapturedFrameSource(shotTime);

    /// <summary>The shot's first frame, rendered.</summary>
    public static FrameSource CaptureStart() => new CapturedFrameSource(0);

    /// <summary>The shot's last frame, rendered (its time is worked out from the shot and the clip it covers).</summary>
    public static FrameSource CaptureEnd() => new CapturedFrameSource(null);

    /// <summary>An image file (PNG, JPEG, WebP, …); relative paths are resolved against the scene folder.</summary>
    public static FrameSource File(string path) => new FileFrameSource(path);

    /// <summary>Image bytes (an upload, a gallery item read by the caller).</summary>
    public static FrameSource Bytes(ReadOnlyMemory<byte> content, string name) => new BytesFrameSource(content, name);

    /// <summary>Parses the CLI form: <c>capture</c>, <c>capture:1.5</c> (seconds into the shot), or a file path.</summary>
    public static FrameSource Parse(string text, bool end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var t = text.Trim();
        if (string.Equals(t, "capture", StringComparison.OrdinalIgnoreCase))
        {
            return end ? CaptureEnd() : CaptureStart();
        }

        if (t.StartsWith("capture:", StringComparison.OrdinalIgnoreCase))
        {
            var seconds = t["capture:".Length..];
            return double.TryParse(seconds, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && s >= 0
                ? Capture(s)
                : throw new Core.UserErrorException($"\"{text}\" is not a capture time: write capture, or capture:SECONDS (seconds into the shot, e.g. capture:1.5).");
        }

        return File(t);
    }

    /// <summary>Plain words for previews and provenance (no image data).</summary>
    public abstract string Describe();
}
