using System.Text.Json;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>Reads one entry of <c>shots</c>.</summary>
internal static class ShotReader
{
    public static Shot Read(JsonElement element, string path, ProblemCollector problems)
    {
        var f = JsonFields.Open(element, path, problems);
        if (f is null)
        {
            // A placeholder keeps later entries at their own index, so their paths stay right.
            return new Shot { Id = string.Empty, CameraId = string.Empty };
        }

        var id = f.String("id", required: true);
        var cameraId = f.String("cameraId", required: true);
        var aspectText = f.String("aspect");
        var aspect = AspectRatio.Landscape16x9;
        if (aspectText is not null && !AspectRatio.TryParse(aspectText, out aspect))
        {
            problems.Error(f.Child("aspect"), $"\"{JsonFields.Clip(aspectText)}\" is not an aspect ratio; write it as 16:9, 9:16, 2.39:1, 1:1 or 4:3");
            aspect = AspectRatio.Landscape16x9;
        }

        var duration = f.Number("duration", 0, 3600, exclusiveMin: true) ?? 2.0;
        var fps = f.Number("fps", 1, 240) ?? 24.0;
        if (Math.Round(duration * fps) < 1)
        {
            problems.Error(f.Child("duration"), $"{duration} s at {fps} fps is less than one frame");
        }

        var shot = new Shot
        {
            Id = id ?? string.Empty,
            Name = f.String("name"),
            Description = f.String("description"),
            CameraId = cameraId ?? string.Empty,
            FocalLengthMm = f.Number("focalLength", Lens.MinFocalLengthMm, 5000) is { } focal ? (float)focal : null,
            Aspect = aspect,
            Start = f.Number("start", 0, 86400) ?? 0,
            Duration = duration,
            Fps = fps,
        };
        f.WarnUnknownFields();
        return shot;
    }
}
