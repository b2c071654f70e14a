namespace Previz.Rendering.Video;

/// <summary>ffmpeg (or ffprobe) failed; the message carries the end of what it wrote to stderr.</summary>
public sealed class VideoEncodingException : Exception
{
    public VideoEncodingException()
    {
    }

    public VideoEncodingException(string message)
        : base(message)
    {
    }

    public VideoEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
