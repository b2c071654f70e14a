using Previz.Providers.Hosting;
using Previz.Providers.Inputs;

namespace Previz.Providers.Requests;

/// <summary>A picture a request sends: the file as the client sends it, the fitted image it was made of, and why.</summary>
/// <param name="File">The file and the body field it fills.</param>
/// <param name="Image">The fitted picture (size, fitting).</param>
/// <param name="Role">start-frame, end-frame, keyframe or reference.</param>
public sealed record SentPicture(HostedInputFile File, FittedImage Image, string Role)
{
    /// <summary>For keyframes: the frame position in the clip.</summary>
    public int? FrameIndex { get; init; }
}
