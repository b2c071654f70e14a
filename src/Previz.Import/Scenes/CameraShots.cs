using Previz.Core;
using Previz.Core.Scenes;

namespace Previz.Import.Scenes;

/// <summary>Finds the shot to render for <c>--camera NAME</c>: a camera's id or name, exact first, then ignoring case.</summary>
public static class CameraShots
{
    /// <summary>
    /// The first shot filmed by the camera; a camera without a shot gets one with the timing of the scene's first shot
    /// (or the defaults).
    /// </summary>
    /// <exception cref="UserErrorException">No camera has that id or name; the message lists the cameras.</exception>
    public static Shot ForCamera(SceneDocument scene, string camera)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentException.ThrowIfNullOrEmpty(camera);
        var found = scene.Cameras.FirstOrDefault(c => c.Id == camera || c.Name == camera)
            ?? scene.Cameras.FirstOrDefault(c => string.Equals(c.Id, camera, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Name, camera, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            var names = scene.Cameras.Count == 0 ? "it has none" : "its cameras are " + string.Join(", ", scene.Cameras.Select(c => $"\"{c.DisplayName}\""));
            throw new UserErrorException($"The scene \"{scene.Name}\" has no camera \"{camera}\": {names}.");
        }

        var shot = scene.Shots.FirstOrDefault(s => s.CameraId == found.Id);
        if (shot is not null)
        {
            return shot;
        }

        var template = scene.FindShot(null);
        return new Shot
        {
            Id = found.Id,
            Name = found.DisplayName,
            CameraId = found.Id,
            Start = template?.Start ?? 0,
            Duration = template?.Duration ?? 2,
            Fps = template?.Fps ?? 24,
            Aspect = template?.Aspect ?? AspectRatio.Landscape16x9,
        };
    }
}
