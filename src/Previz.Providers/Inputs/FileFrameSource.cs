namespace Previz.Providers.Inputs;

/// <summary>An image file; a relative path is taken from the scene folder.</summary>
public sealed record FileFrameSource(string Path) : FrameSource
{
    /// <inheritdoc />
    public override string Describe() => $"file {Path}";
}
