using Previz.Core.Scenes;

namespace Previz.Studio.Api;

/// <summary>A shot of a scene.</summary>
public sealed record ShotDto(string Id, string Name, string CameraId, double Start, double Duration, double Fps, int FrameCount, string Aspect)
{
    public static ShotDto From(Shot shot)
    {
        ArgumentNullException.ThrowIfNull(shot);
        return new(shot.Id, shot.DisplayName, shot.CameraId, shot.Start, shot.Duration, shot.Fps, shot.FrameCount, shot.Aspect.ToString());
    }
}
