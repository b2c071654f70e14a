namespace Previz.Rendering.Adherence;

/// <summary>
/// One compared step: its end time from the shot's start, the camera's motion (null where the authored render could
/// not measure it) and that of each moving object the authored render measured, by its label − 1.
/// </summary>
internal sealed record MotionStep(double Time, MotionPair? Camera, IReadOnlyDictionary<int, MotionPair> Objects)
{
    /// <summary>
    /// The camera's error plus the objects' mean error: the camera and the moving objects weigh alike, however many
    /// objects there are.
    /// </summary>
    public double Error => (Camera?.Error ?? 0) + ObjectError;

    /// <summary>The authored motion the error is measured against, made up the same way as <see cref="Error"/>.</summary>
    public double Path => (Camera?.Path ?? 0) + ObjectPath;

    public double ObjectError => Objects.Count == 0 ? 0 : Objects.Values.Average(o => o.Error);

    public double ObjectPath => Objects.Count == 0 ? 0 : Objects.Values.Average(o => o.Path);
}
