namespace Previz.Rendering.Video;

/// <summary>Finds the ffmpeg and ffprobe programs: a configured path, an environment variable, or PATH.</summary>
public static class FfmpegLocator
{
    public const string FfmpegVariable = "PREVIZ_FFMPEG";
    public const string FfprobeVariable = "PREVIZ_FFPROBE";

    /// <summary>The full path of ffmpeg, or <see cref="ToolNotFoundException"/>.</summary>
    public static string Ffmpeg(FfmpegOptions? options = null) =>
        Resolve("ffmpeg", options?.FfmpegPath ?? Environment.GetEnvironmentVariable(FfmpegVariable));

    /// <summary>The full path of ffprobe, or <see cref="ToolNotFoundException"/>.</summary>
    public static string Ffprobe(FfmpegOptions? options = null)
    {
        var configured = options?.FfprobePath ?? Environment.GetEnvironmentVariable(FfprobeVariable);
        if (configured is null && options?.FfmpegPath is { } ffmpeg && Path.GetDirectoryName(ffmpeg) is { Length: > 0 } folder)
        {
            configured = Path.Combine(folder, "ffprobe");
        }

        return Resolve("ffprobe", configured);
    }

    private static string Resolve(string tool, string? configured)
    {
        var wanted = string.IsNullOrWhiteSpace(configured) ? tool : configured;
        if (wanted.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(wanted);
            return File.Exists(full) ? full : throw new ToolNotFoundException(tool, full);
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, wanted);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ToolNotFoundException(tool, wanted);
    }
}
