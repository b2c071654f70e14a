namespace Previz.Core.Catalog;

/// <summary>Camera-motion parameters a vendor API takes alongside the prompt.</summary>
public enum CameraParameterKind
{
    None,

    /// <summary>Kling's <c>camera_control {type, config{horizontal, vertical, pan, tilt, roll, zoom}}</c>, −10…10.</summary>
    KlingCameraControl,

    /// <summary>Luma's camera concepts (named moves such as <c>dolly_zoom</c>, <c>orbit_left</c>).</summary>
    LumaConcepts,
}
