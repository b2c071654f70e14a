using Previz.Core.Motion;
using Previz.Providers.Inputs;

namespace Previz.Providers.Requests;

/// <summary>Everything that goes into a vendor request besides the options: prompt, pictures, seed, camera parameters.</summary>
public sealed record RequestInputs
{
    public required string Prompt { get; init; }

    public long? Seed { get; init; }

    public string? NegativePrompt { get; init; }

    public FittedImage? StartFrame { get; init; }

    public FittedImage? EndFrame { get; init; }

    public IReadOnlyList<TimedKeyframe> Keyframes { get; init; } = [];

    public IReadOnlyList<ObjectReferences> References { get; init; } = [];

    public KlingCameraControl? CameraControl { get; init; }

    /// <summary>From Animation on a guide-video model: the rendered pass of the shot.</summary>
    public GuideVideo? GuideVideo { get; init; }
}
