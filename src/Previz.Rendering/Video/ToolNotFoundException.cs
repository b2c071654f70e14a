using Previz.Core;

namespace Previz.Rendering.Video;

/// <summary>
/// A program Previz runs (ffmpeg, ffprobe) is not installed or not where it was configured. A user error: the message
/// says how to install it.
/// </summary>
public sealed class ToolNotFoundException : UserErrorException
{
    public ToolNotFoundException()
    {
        Tool = "";
    }

    public ToolNotFoundException(string message)
        : base(message)
    {
        Tool = "";
    }

    public ToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tool = "";
    }

    public ToolNotFoundException(string tool, string lookedFor)
        : base(Describe(tool, lookedFor))
    {
        Tool = tool;
    }

    public ToolNotFoundException(string tool, string lookedFor, Exception innerException)
        : base(Describe(tool, lookedFor), innerException)
    {
        Tool = tool;
    }

    private static string Describe(string tool, string lookedFor) =>
        $"{tool} was not found (looked for \"{lookedFor}\"). Install it with: sudo apt-get install -y ffmpeg";

    /// <summary>The program's name, e.g. "ffmpeg".</summary>
    public string Tool { get; }
}
