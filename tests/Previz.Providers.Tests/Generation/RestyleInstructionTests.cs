using Previz.Core.Catalog;
using Previz.Core.Prompting;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// In From Animation, a model that repaints the shaded guide (a restyle or video edit) is sent a prompt that opens with
/// the instruction to keep the render's camera, layout and motion; a model given a control (depth) or only the guide's
/// motion (Kling's motion control, whose look comes from its start frame) is sent the scene's description alone.
/// </summary>
public sealed class RestyleInstructionTests : IDisposable
{
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    public static TheoryData<string> GuideModels() =>
        [.. ModelCatalog.Default.Models.Where(m => m.IsAvailable && m.Inputs.GuideVideo is not null).Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(GuideModels))]
    public async Task Only_a_model_that_repaints_its_guide_is_told_to_keep_the_renders_motion(string modelId)
    {
        var plan = await GuideFrames.PlanAsync(_scenes.Scene, _scenes.Folder, modelId);

        var guide = ModelCatalog.Default.Get(modelId).Inputs.GuideVideo!;
        var opensWithInstruction = plan.Prompt.Text.StartsWith(RestyleInstruction.Text + "\n", StringComparison.Ordinal);
        Assert.Equal(guide.Pass == GuidePass.Shaded && !guide.RequiresStartFrame, opensWithInstruction);
        // The scene's own description follows either way, and the provenance records the prompt as sent.
        Assert.Contains("Test lot", plan.Prompt.Text, StringComparison.Ordinal);
        Assert.Equal(plan.Prompt.Text, plan.Provenance.Prompt.Text);
    }

    [Fact]
    public void The_restyle_routes_are_the_shaded_restyles_and_edits_and_kling_motion_control_and_depth_routes_are_not()
    {
        string[] repainting = [.. ModelCatalog.Default.Models.Where(m => m.Inputs.GuideVideo?.RepaintsGuide == true).Select(m => m.Id).Order(StringComparer.Ordinal)];

        Assert.Equal(["gemini-omni-flash", "luma-ray-3.2-edit-luma", "luma-ray-3.2-v2v", "runway-aleph-2", "seedance-2.0-runway-v2v"], repainting);
        Assert.Null(RestyleInstruction.For(ModelCatalog.Default.Get("runway-aleph-2"), Core.Modes.VisualizerMode.StartFrame));
    }
}
