using Previz.Core.Scenes;

namespace Previz.Core.Catalog;

/// <summary>An aspect ratio a model can produce, with the value its API wants (e.g. Runway <c>"1280:720"</c> = 16:9).</summary>
public sealed record VendorAspect(string Value, AspectRatio Ratio)
{
    public string Orientation => Ratio.Value > 1.01 ? "landscape" : Ratio.Value < 0.99 ? "portrait" : "square";

    public static VendorAspect Of(string value, double width, double height) => new(value, new AspectRatio(width, height));

    public override string ToString() => Value;
}
