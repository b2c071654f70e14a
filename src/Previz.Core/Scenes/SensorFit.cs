namespace Previz.Core.Scenes;

/// <summary>Which frame edge the sensor width maps to (Blender's camera sensor fit).</summary>
public enum SensorFit
{
    /// <summary>The sensor width spans the longer frame edge.</summary>
    Auto,
    Horizontal,
    Vertical,
}
