using System.Text.Json;
using Previz.Core.Animation;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>Reads one entry of <c>cameras</c>.</summary>
internal static class CameraReader
{
    public static SceneCamera Read(JsonElement element, string path, ProblemCollector problems)
    {
        var f = JsonFields.Open(element, path, problems);
        if (f is null)
        {
            // A placeholder keeps later entries at their own index, so their paths stay right.
            return new SceneCamera { Id = string.Empty };
        }

        var id = f.String("id", required: true);
        // A micrometre at least: a nearer plane (5e-324 passes "above 0" as a double) is 0 as the float the projection
        // takes, and a projection cannot be built with it.
        var near = f.Number("near", 1e-6) ?? 0.1;
        var far = f.Number("far", 0, exclusiveMin: true) ?? 1000;
        if (far <= near)
        {
            problems.Error(f.Child("far"), $"far ({far}) must be beyond near ({near})");
        }

        var camera = new SceneCamera
        {
            Id = id ?? string.Empty,
            Name = f.String("name"),
            Transform = TransformReader.Read(f, problems),
            AimTargetId = f.String("aimTarget"),
            ParentId = f.String("parent"),
            Lens = ReadLens(f, problems),
            Near = (float)near,
            Far = (float)far,
            Animation = ReadAnimation(f, problems),
        };
        f.WarnUnknownFields();
        return camera;
    }

    private static Lens ReadLens(JsonFields owner, ProblemCollector problems)
    {
        var f = owner.Object("lens");
        if (f is null)
        {
            return Lens.Default;
        }

        var focal = f.Number("focalLength", Lens.MinFocalLengthMm, 5000);
        var fov = f.Number("verticalFov", 0, 179, exclusiveMin: true);
        if (focal is not null && fov is not null)
        {
            problems.Error(f.Path, "give either focalLength (mm) or verticalFov (degrees), not both");
        }

        var sensor = f.Raw("sensor");
        double[]? sensorSize = null;
        if (sensor is not null)
        {
            sensorSize = JsonFields.ReadNumbers(sensor.Value, f.Child("sensor"), problems, 2);
            if (sensorSize is not null && (sensorSize[0] <= 0 || sensorSize[1] <= 0))
            {
                problems.Error(f.Child("sensor"), "sensor width and height must be positive (mm)");
                sensorSize = null;
            }
        }

        var fitText = f.String("sensorFit");
        var fit = fitText switch
        {
            null or "auto" => SensorFit.Auto,
            "horizontal" => SensorFit.Horizontal,
            "vertical" => SensorFit.Vertical,
            _ => Invalid(),
        };

        var lens = new Lens
        {
            FocalLengthMm = (float)(focal ?? Lens.Default.FocalLengthMm),
            VerticalFovDegrees = fov is { } v ? (float)v : null,
            SensorWidthMm = (float)(sensorSize?[0] ?? 36),
            SensorHeightMm = (float)(sensorSize?[1] ?? 24),
            SensorFit = fit,
        };
        f.WarnUnknownFields();
        return lens;

        SensorFit Invalid()
        {
            problems.Error(f.Child("sensorFit"), $"\"{JsonFields.Clip(fitText!)}\" is not a sensor fit; use auto, horizontal or vertical");
            return SensorFit.Auto;
        }
    }

    private static CameraAnimation ReadAnimation(JsonFields f, ProblemCollector problems)
    {
        var a = f.Object("animation");
        if (a is null)
        {
            return CameraAnimation.None;
        }

        var transform = new TransformAnimation(
            KeyframeReader.Vectors(a, "position", problems),
            KeyframeReader.Rotations(a, "rotation", problems),
            new Vector3Track([]));
        var animation = new CameraAnimation(
            transform,
            KeyframeReader.Scalars(a, "focalLength", problems, Lens.MinFocalLengthMm, 5000),
            KeyframeReader.Aims(a, "aimTarget", problems));
        a.WarnUnknownFields();
        return animation;
    }
}
