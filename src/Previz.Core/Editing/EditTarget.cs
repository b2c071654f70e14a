using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>The object or camera an edit of a transform or a key is for: exactly one of the two ids.</summary>
internal static class EditTarget
{
    public static (string Collection, JsonObject Entry) Resolve(EditableScene scene, string? objectId, string? cameraId)
    {
        if ((objectId is null) == (cameraId is null))
        {
            throw new EditRefusedException(objectId is null ? "objectId" : "cameraId", "name exactly one of objectId and cameraId");
        }

        return objectId is not null
            ? ("objects", scene.Find("objects", objectId, "objectId"))
            : ("cameras", scene.Find("cameras", cameraId, "cameraId"));
    }
}
