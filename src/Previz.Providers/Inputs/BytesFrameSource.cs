namespace Previz.Providers.Inputs;

/// <summary>Image bytes supplied by the caller (an upload, a gallery image read from the media store).</summary>
public sealed record BytesFrameSource(ReadOnlyMemory<byte> Content, string Name) : FrameSource
{
    /// <inheritdoc />
    public override string Describe() => $"image {Name} ({Content.Length} bytes)";

    /// <summary>Names the bytes without printing them.</summary>
    public override string ToString() => $"BytesFrameSource {{ Name = {Name}, Bytes = {Content.Length} }}";
}
