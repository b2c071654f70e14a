using System.Globalization;

namespace Previz.Providers.Inputs;

/// <summary>A Direct Render capture (shaded pass) of the shot at <see cref="ShotTime"/>; null means the shot's last frame.</summary>
public sealed record CapturedFrameSource(double? ShotTime) : FrameSource
{
    /// <inheritdoc />
    public override string Describe() => ShotTime is { } t
        ? string.Create(CultureInfo.InvariantCulture, $"Direct Render capture (shaded) at {t:0.###} s into the shot")
        : "Direct Render capture (shaded) of the shot's last frame";
}
