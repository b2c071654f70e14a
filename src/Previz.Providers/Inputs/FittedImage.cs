namespace Previz.Providers.Inputs;

/// <summary>
/// An input picture made ready for a vendor: encoded (PNG, or JPEG when PNG is over the size limit), at its final
/// size, with how it was fitted.
/// </summary>
/// <param name="Content">The encoded file.</param>
/// <param name="ContentType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="Width">Final width in pixels.</param>
/// <param name="Height">Final height in pixels.</param>
/// <param name="SourceWidth">Width of the picture before fitting.</param>
/// <param name="SourceHeight">Height of the picture before fitting.</param>
/// <param name="Fitting">What was done: "cropped 1920×1080 → 1440×1080, scaled to 1280×960", "as is", …</param>
public sealed record FittedImage(ReadOnlyMemory<byte> Content, string ContentType, int Width, int Height, int SourceWidth, int SourceHeight, string Fitting)
{
    /// <summary>The file extension for <see cref="ContentType"/>.</summary>
    public string Extension => ContentType == "image/jpeg" ? "jpg" : "png";

    /// <summary>Describes the picture without its bytes.</summary>
    public override string ToString() => $"FittedImage {{ {Width}x{Height} {ContentType}, {Content.Length} bytes, {Fitting} }}";
}
