using Previz.Core.Prompting;
using Previz.Core.Options;
using Previz.Providers.Generation;

namespace Previz.Studio.Planning;

/// <summary>Options and prompt overrides of a request, read and checked field by field.</summary>
internal sealed record ParsedChoices(
    VideoRequestOptions Video,
    string? StartFrame,
    string? EndFrame,
    bool SendReferences,
    bool UseReferenceEndpoint,
    string? NegativePrompt,
    PromptOverrides Prompt);
