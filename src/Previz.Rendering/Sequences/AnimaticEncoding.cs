namespace Previz.Rendering.Sequences;

/// <summary>How the animatic's picture was made.</summary>
public enum AnimaticEncoding
{
    /// <summary>The takes' H.264 joined as it is (concat demuxer, <c>-c:v copy</c>): no picture decoded.</summary>
    StreamCopy,

    /// <summary>One ffmpeg run decoding every take through one filter graph and encoding the cut once.</summary>
    Reencode,
}
