namespace Previz.Providers.Generation;

/// <summary>A still finished for the gallery (<see cref="GenerationFinisher.FinishStillAsync"/>).</summary>
/// <param name="Path">The file written.</param>
/// <param name="ContentType"><c>image/png</c> or <c>image/jpeg</c>.</param>
/// <param name="Width">Pixels, as decoded.</param>
/// <param name="Height">Pixels, as decoded.</param>
/// <param name="Processing">What was done: "decoded and kept as PNG", "decoded Webp, written as PNG".</param>
public sealed record FinishedStill(string Path, string ContentType, int Width, int Height, string Processing)
{
    /// <summary>The file extension of <see cref="ContentType"/>, without a dot.</summary>
    public string Extension => ContentType == "image/jpeg" ? "jpg" : "png";
}
