using Previz.Core.Scenes;

namespace Previz.Core.Cameras;

/// <summary>Focal length ↔ field of view on a sensor, with Blender's sensor-fit rules so imports frame alike.</summary>
public static class LensMath
{
    public static float VerticalFov(float focalLengthMm, float sensorWidthMm, float sensorHeightMm, SensorFit fit, float aspect)
    {
        var horizontalFit = fit == SensorFit.Horizontal || (fit == SensorFit.Auto && aspect >= 1f);
        if (horizontalFit)
        {
            var halfWidth = sensorWidthMm / (2f * focalLengthMm);
            return 2f * MathF.Atan(halfWidth / aspect);
        }

        // Vertical fit: Auto on a portrait frame spans the sensor width over the (longer) height.
        var sensor = fit == SensorFit.Vertical ? sensorHeightMm : sensorWidthMm;
        return 2f * MathF.Atan(sensor / (2f * focalLengthMm));
    }

    public static float FocalLengthForVerticalFov(float verticalFovRadians, float sensorWidthMm, float sensorHeightMm, SensorFit fit, float aspect)
    {
        var tanHalf = MathF.Tan(verticalFovRadians / 2f);
        var horizontalFit = fit == SensorFit.Horizontal || (fit == SensorFit.Auto && aspect >= 1f);
        if (horizontalFit)
        {
            return sensorWidthMm / (2f * tanHalf * aspect);
        }

        var sensor = fit == SensorFit.Vertical ? sensorHeightMm : sensorWidthMm;
        return sensor / (2f * tanHalf);
    }
}
