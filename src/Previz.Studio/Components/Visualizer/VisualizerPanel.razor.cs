using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Core.Scenes;
using Previz.Studio.Compare;
using Previz.Studio.Jobs;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;

namespace Previz.Studio.Components.Visualizer;

/// <summary>
/// Everything <see cref="ShotPlanningService"/> answers (options, prompt, estimate) for the user's current choices,
/// and Generate, which sends exactly those choices to <see cref="GenerationService.CreateAsync"/>.
/// </summary>
public sealed partial class VisualizerPanel : IDisposable
{
    private const string ScenePart = "scene";
    private const string StylePart = "style";
    private const string LightingPart = "lighting";
    private static readonly string[] PromptParts = [ScenePart, StylePart, LightingPart];

    private readonly string _uid = "viz" + Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<string, PartText> _parts = new()
    {
        [ScenePart] = new(string.Empty, false),
        [StylePart] = new(string.Empty, false),
        [LightingPart] = new(string.Empty, false),
    };

    private Guid _loadedScene;
    private string? _loadedShot;
    private Shot? _shot;
    private string? _loadError;

    private VisualizerMode _mode = VisualizerModes.Default;
    private string _modelId = ShotPlanningService.DirectRenderModelId;

    private ShotOptions? _options;
    private string? _optionsError;
    private int? _duration;
    private string? _aspect;
    private bool _audio;
    private string _resolution = "1k";
    private bool _acceptCap;
    private string _pass = "shaded";

    private string _tab = ScenePart;
    private bool _confirmOverwrite;
    private string? _audioLine;

    private CostQuote? _quote;
    private string? _estimateError;
    private GuidePreview? _guide;
    private string? _guideUrl;

    private int _variants = 1;
    private bool _busy;
    private string? _generateError;
    private string? _status;
    private string? _stillUrl;

    private bool _compareOpen;
    private readonly List<string> _compareModels = [];
    private int _compareSeeds = 1;
    private long _compareBaseSeed;
    private CompareQuote? _compareQuote;
    private string? _compareError;
    private Guid? _compareBatch;
    private int _compareStarted;

    /// <summary>The stored scene (version) the generation is made from.</summary>
    [Parameter, EditorRequired]
    public Guid SceneId { get; set; }

    /// <summary>The active shot.</summary>
    [Parameter, EditorRequired]
    public string ShotId { get; set; } = string.Empty;

    /// <summary>The viewport's time in seconds from the shot's start ("capture current time").</summary>
    [Parameter]
    public double CurrentTime { get; set; }

    [Inject]
    private ShotPlanningService Planning { get; set; } = default!;

    [Inject]
    private GenerationService Generations { get; set; } = default!;

    [Inject]
    private SceneStore Scenes { get; set; } = default!;

    [Inject]
    private CompareService Compare { get; set; } = default!;

    [Inject]
    private FrameSlots Slots { get; set; } = default!;

    [Inject]
    private ModelCatalog Catalog { get; set; } = default!;

    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    private ModelEntry Model => Catalog.Find(_modelId) ?? Catalog.Get(ShotPlanningService.DirectRenderModelId);

    private bool IsDirectRender => Model.Provider == ModelProvider.DirectRender;

    private string? KeyMissingMessage => ApiKeys.MissingKeyMessage(Model, name => Configuration[name]);

    private bool AudioOn => _options is { } o && o.Audio.Supported && (o.Audio.AlwaysOn || _audio);

    private string? AudioReason => _options is { Audio: { Supported: false } audio } ? audio.Reason
        : _options is { Audio.AlwaysOn: true } ? $"{Model.DisplayName} always makes sound."
        : null;

    private double? EffectiveDuration => _duration ?? _options?.Defaults.Duration;

    private string DurationValue => EffectiveDuration is { } d ? d.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    private string? DurationNote
    {
        get
        {
            if (_shot is null || EffectiveDuration is not { } clip)
            {
                return null;
            }

            if (clip > _shot.Duration + 1e-9)
            {
                return Text($"generates {clip:0.#} s; will be trimmed to {_shot.Duration:0.0} s");
            }

            return clip < _shot.Duration - 1e-9 ? Text($"covers only the first {clip:0.#} s of the shot's {_shot.Duration:0.0} s") : null;
        }
    }

    private IEnumerable<string> EditedParts => PromptParts.Where(p => _parts[p].Edited);

    private string GenerateLabel => _mode switch
    {
        VisualizerMode.Image => "Generate Image",
        VisualizerMode.FromAnimation => "Capture Animation",
        _ => "Generate Video",
    };

    /// <summary>Why Generate is off, in words; null when it can run.</summary>
    private string? BlockReason =>
        _shot is null ? null
        : !Model.IsAvailable ? Model.Availability.Reason
        : KeyMissingMessage is { } missing ? missing
        : _quote?.Budget is { Fits: false } budget ? $"Over budget: {CostEstimator.Money(budget.LeftUsd)} left of {CostEstimator.Money(budget.CapUsd)}."
        : null;

    private bool CanGenerate => !_busy && BlockReason is null && _options is not null && _quote is not null;

    public void Dispose() => Slots.Changed -= OnSlotsChanged;

    protected override void OnInitialized() => Slots.Changed += OnSlotsChanged;

    protected override async Task OnParametersSetAsync()
    {
        if (SceneId == _loadedScene && ShotId == _loadedShot)
        {
            return;
        }

        _loadedScene = SceneId;
        _loadedShot = ShotId;
        _loadError = null;
        _shot = null;
        try
        {
            var record = await Scenes.FindAsync(SceneId, CancellationToken.None);
            if (record is null)
            {
                _loadError = $"There is no scene {SceneId}.";
                return;
            }

            var scene = await Scenes.LoadAsync(record, CancellationToken.None);
            _shot = scene.FindShot(string.IsNullOrEmpty(ShotId) ? null : ShotId);
            if (_shot is null)
            {
                _loadError = string.IsNullOrEmpty(ShotId) ? "The scene has no shots." : $"The scene has no shot \"{ShotId}\".";
                return;
            }
        }
        catch (UserErrorException e)
        {
            _loadError = e.Message;
            return;
        }

        // A new shot: its duration decides the defaults again; the prompt's unedited parts describe the new shot.
        _duration = null;
        _acceptCap = false;
        await RefreshAllAsync();
    }

    private static string ModeLabel(VisualizerMode mode) => mode switch
    {
        // The panel's wording ("Start + End Frames") is what users of Runway and Luma read.
        VisualizerMode.StartEnd => "Video (Start + End Frames)",
        _ => mode.DisplayName(),
    };

    private static string ProviderLabel(ModelProvider provider) => provider switch
    {
        ModelProvider.DirectRender => "Previz (this machine)",
        ModelProvider.Fal => "fal.ai",
        ModelProvider.Runway => "Runway",
        ModelProvider.Luma => "Luma AI",
        ModelProvider.ComfyUI => "ComfyUI (your server)",
        _ => provider.ToString(),
    };

    private string ModelOptionText(ModeListing listing)
    {
        var model = listing.Model;
        var text = model.DisplayName;
        if (model.Audio != AudioSupport.None)
        {
            text += " · audio";
        }

        if (!listing.IsAvailable)
        {
            text += " · unavailable";
        }
        else if (!ApiKeys.IsKeySet(model, name => Configuration[name]))
        {
            text += " · needs key";
        }

        return _mode == VisualizerMode.FromAnimation ? $"{text} · {listing.GuidanceText}" : text;
    }

    private static string PartLabel(string part) => part switch
    {
        ScenePart => "Scene",
        StylePart => "Style",
        _ => "Lighting",
    };

    private static string Seconds(double s) => Text($"{s:0.0#} s");

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private string CostLine(CostQuote quote)
    {
        var line = quote.TotalUsd == 0
            ? "Free · renders on this machine"
            : Text($"{CostEstimator.Money(quote.TotalUsd)} · {quote.Units:0.##} {quote.Unit} × {CostEstimator.Money(quote.UnitPrice)}/{quote.Unit}");
        return _variants > 1 && quote.TotalUsd > 0
            ? Text($"{line} · × {_variants} variants = {CostEstimator.Money(quote.TotalUsd * _variants)}")
            : line;
    }

    private string BudgetLine(CostQuote quote) => quote.Budget is not { } budget
        ? "no budget cap"
        : Text($"{CostEstimator.Money(budget.LeftUsd)} left of {CostEstimator.Money(budget.CapUsd)} budget") +
          (budget.LeftAfterUsd is { } after ? Text($"; {CostEstimator.Money(after - (quote.TotalUsd * (_variants - 1)))} after this") : string.Empty);

    private void OnSlotsChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task OnModeChangedAsync(ChangeEventArgs e)
    {
        if (!VisualizerModes.TryParse(e.Value as string, out var mode) || mode == _mode)
        {
            return;
        }

        _mode = mode;
        _stillUrl = null;
        var listings = Catalog.ForMode(mode);
        if (!listings.Any(l => l.Model.Id == _modelId && l.IsAvailable))
        {
            // ForMode puts the best available choice first: Direct Render in the video modes (it works offline).
            _modelId = (listings.FirstOrDefault(l => l.IsAvailable) ?? listings[0]).Model.Id;
            ResetModelChoices();
        }

        await RefreshAllAsync();
    }

    private async Task OnModelChangedAsync(ChangeEventArgs e)
    {
        if (e.Value is not string id || Catalog.Find(id) is null || id == _modelId)
        {
            return;
        }

        _modelId = id;
        ResetModelChoices();
        await RefreshAllAsync();
    }

    private void ResetModelChoices()
    {
        // Durations, aspects and audio are per model; the prompt's parts are not (edits stay).
        _duration = null;
        _aspect = null;
        _audio = false;
        _acceptCap = false;
    }

    private async Task OnDurationChangedAsync(ChangeEventArgs e)
    {
        _duration = int.TryParse(e.Value as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : null;
        await RefreshEstimateAsync();
    }

    private async Task OnAcceptCapChangedAsync(ChangeEventArgs e)
    {
        _acceptCap = e.Value is true;
        await RefreshEstimateAsync();
    }

    private async Task OnOrientationChangedAsync(ChangeEventArgs e)
    {
        _aspect = e.Value as string;
        await RefreshEstimateAsync();
    }

    private async Task OnAudioChangedAsync(ChangeEventArgs e)
    {
        _audio = (e.Value as string) == "on";
        await RefreshEstimateAsync();
        await RefreshPromptAsync();
    }

    private async Task OnResolutionChangedAsync(string resolution)
    {
        _resolution = resolution;
        await RefreshEstimateAsync();
    }

    private void OnPromptEdited(ChangeEventArgs e) => _parts[_tab] = new PartText(e.Value as string ?? string.Empty, true);

    private void ApplyPreset(string part, string? id)
    {
        var preset = part == StylePart ? PromptPresets.Default.FindStyle(id) : PromptPresets.Default.FindLighting(id);
        if (preset is null)
        {
            return;
        }

        _parts[part] = new PartText(preset.Text, true);
        _tab = part;
    }

    private async Task OnGeneratePromptClicked()
    {
        if (EditedParts.Any())
        {
            _confirmOverwrite = true;
            return;
        }

        await RefreshPromptAsync();
    }

    private async Task ConfirmGeneratePromptAsync()
    {
        _confirmOverwrite = false;
        foreach (var part in PromptParts)
        {
            _parts[part] = _parts[part] with { Edited = false };
        }

        await RefreshPromptAsync();
    }

    private async Task RefreshAllAsync()
    {
        await RefreshOptionsAsync();
        await RefreshEstimateAsync();
        await RefreshPromptAsync();
    }

    private async Task RefreshOptionsAsync()
    {
        _options = null;
        _optionsError = null;
        if (_shot is null)
        {
            return;
        }

        try
        {
            var options = await Planning.OptionsAsync(new ShotOptionsQuery(SceneId, _shot.Id, _mode.Id(), _modelId), CancellationToken.None);
            _options = options;
            if (_duration is { } d && !options.Durations.Contains(d))
            {
                _duration = null;
            }

            if (_aspect is not null && !options.Orientations.Any(o => o.Aspect == _aspect))
            {
                _aspect = null;
            }

            if (!options.Resolutions.Any(r => r.Id == _resolution && r.VendorResolution is not null))
            {
                _resolution = options.Defaults.Resolution;
            }

            _audio = options.Audio.Supported && (_audio || options.Audio.Default);
        }
        catch (UserErrorException e)
        {
            _optionsError = e.Message;
        }
    }

    private async Task RefreshEstimateAsync()
    {
        // The comparison takes the same options: its estimate follows them.
        await RefreshCompareQuoteAsync();
        _quote = null;
        _estimateError = null;
        _guide = null;
        _guideUrl = null;
        if (_shot is null || _options is null)
        {
            return;
        }

        try
        {
            _quote = await Planning.EstimateAsync(Choices(false), CancellationToken.None);
            if (_mode == VisualizerMode.FromAnimation && Model.Inputs.GuideVideo is not null)
            {
                _guide = await Planning.GuideAsync(Choices(false), render: false, CancellationToken.None);
            }
        }
        catch (UserErrorException e)
        {
            // The resolver's own message: it names the model, the option and what it accepts.
            _estimateError = e.Message;
        }
    }

    /// <summary>The rendered guide video for the current choices (rendered on first request, then cached by the server).</summary>
    private void ShowGuide()
    {
        if (_shot is null || _guide is null)
        {
            return;
        }

        var query = new List<string> { $"model={Uri.EscapeDataString(_modelId)}", $"resolution={_resolution}" };
        if (_duration is { } d)
        {
            query.Add(Text($"duration={d}"));
        }

        if (_aspect is { } a)
        {
            query.Add($"aspect={Uri.EscapeDataString(a)}");
        }

        if (_acceptCap)
        {
            query.Add("acceptDurationCap=true");
        }

        _guideUrl = $"api/scenes/{SceneId}/shots/{Uri.EscapeDataString(_shot.Id)}/guide?{string.Join('&', query)}";
    }

    /// <summary>The model makes up the motion in From Animation (frames and words only): said before anyone pays.</summary>
    private bool InventsMotion =>
        _mode == VisualizerMode.FromAnimation && Catalog.ForMode(_mode).FirstOrDefault(l => l.Model.Id == _modelId) is { InventsMotion: true };

    private async Task RefreshPromptAsync()
    {
        if (_shot is null)
        {
            return;
        }

        try
        {
            var preview = await Planning.PromptAsync(new ShotChoices { SceneId = SceneId, ShotId = _shot.Id, Mode = _mode.Id(), ModelId = _modelId, Video = new VideoRequestOptions { Audio = AudioOn } }, CancellationToken.None);
            _audioLine = preview.Audio;
            Fill(ScenePart, preview.Scene);
            Fill(StylePart, preview.Style);
            Fill(LightingPart, preview.Lighting);
        }
        catch (UserErrorException)
        {
            // The same choices fail the estimate, which shows the reason; the prompt keeps its last text.
        }

        void Fill(string part, string text)
        {
            // The user's words stick through model, mode and shot changes until they ask to regenerate.
            if (!_parts[part].Edited)
            {
                _parts[part] = new PartText(text, false);
            }
        }
    }

    /// <summary>
    /// The frame slots shown: the mode's own (Start Frame, Start + End), or in From Animation the pictures a guide-video
    /// model takes beside its guide (<see cref="ModelEntry.GuideFrames"/>), which are optional there.
    /// </summary>
    private ModeInputs FrameSlotsShown => _mode != VisualizerMode.FromAnimation ? _mode.RequiredInputs() : Model.GuideFrames;

    /// <summary>For an optional slot, what the model gets without a picture of the user's own; null for a slot the mode needs.</summary>
    private string? WithoutPicture(bool end) => _mode != VisualizerMode.FromAnimation ? null
        : !end && Model.Inputs.GuideVideo is { RequiresStartFrame: true } ? "None: the shot's start, captured"
        : "None: the guide alone sets the look";

    /// <summary>A slot's value for the request: an optional slot only with a picture of the user's own in it.</summary>
    private string? FrameValue(FrameChoice choice, bool end) =>
        WithoutPicture(end) is not null && !choice.IsPicture ? null : choice.OptionValue(end, _shot!.Duration);

    /// <summary>The current choices, as a create (or, without frames, an estimate) takes them.</summary>
    private ShotChoices Choices(bool withFrames, long? seed = null)
    {
        var inputs = FrameSlotsShown;
        var frames = withFrames && _shot is not null;
        return new ShotChoices
        {
            SceneId = SceneId,
            ShotId = _shot?.Id,
            Mode = _mode.Id(),
            ModelId = _modelId,
            Video = new VideoRequestOptions
            {
                Duration = _duration,
                Aspect = _aspect,
                Audio = AudioOn && !(_options?.Audio.AlwaysOn ?? false),
                Resolution = ResolutionTiers.TryParse(_resolution, out var tier) ? tier : ResolutionTier.Preview1K,
                AcceptDurationCap = _acceptCap,
            },
            StartFrame = frames && inputs.HasFlag(ModeInputs.StartFrame) ? FrameValue(Slots.Start, false) : null,
            EndFrame = frames && inputs.HasFlag(ModeInputs.EndFrame) ? FrameValue(Slots.End, true) : null,
            Pass = IsDirectRender ? _pass : null,
            Prompt = new PromptOverrides
            {
                Scene = _parts["scene"].Edited ? _parts["scene"].Text : null,
                Style = _parts["style"].Edited ? _parts["style"].Text : null,
                Lighting = _parts["lighting"].Edited ? _parts["lighting"].Text : null,
            },
            Seed = seed,
        };
    }

    private async Task GenerateAsync()
    {
        if (!CanGenerate || _shot is null)
        {
            return;
        }

        _busy = true;
        _generateError = null;
        _status = null;
        _stillUrl = null;
        var started = 0;
        try
        {
            if (_mode == VisualizerMode.Image && IsDirectRender)
            {
                // A Direct Render still is made here and now; nothing to queue.
                var time = Math.Clamp(CurrentTime, 0, _shot.Duration);
                await Planning.StillAsync(new StillRequest(SceneId, _shot.Id, time, _pass, _resolution), CancellationToken.None);
                _stillUrl = Text($"/api/scenes/{SceneId}/shots/{Uri.EscapeDataString(_shot.Id)}/still?t={time:0.###}&pass={_pass}&resolution={_resolution}");
                _status = Text($"Still of {_shot.Id} at {time:0.00} s.");
                return;
            }

            var variants = IsDirectRender ? 1 : Math.Clamp(_variants, 1, 4);
            long? baseSeed = IsDirectRender ? null : Random.Shared.Next(1, 1_000_000_000);
            for (var i = 0; i < variants; i++)
            {
                await Generations.CreateAsync(Choices(true, baseSeed + i), CancellationToken.None);
                started++;
            }

            _status = started == 1
                ? $"Started {Model.DisplayName} for {_shot.Id}; follow it in the jobs tray."
                : $"Started {started} variants of {Model.DisplayName} for {_shot.Id} (seeds {baseSeed}–{baseSeed + started - 1}).";
        }
        catch (UserErrorException e)
        {
            _generateError = started == 0 ? e.Message : $"Started {started}, then: {e.Message}";
        }
        finally
        {
            _busy = false;
        }

        await RefreshEstimateAsync();
    }

    private bool CanCompare => !_busy && _compareQuote is { } quote && quote.Budget is not { Fits: false } && _compareError is null;

    private async Task ToggleCompareAsync()
    {
        _compareOpen = !_compareOpen;
        _compareBatch = null;
        if (_compareOpen)
        {
            _compareBaseSeed = Random.Shared.Next(1, 1_000_000_000);
            if (_compareModels.Count == 0 && !IsDirectRender && Model.Supports(_mode))
            {
                _compareModels.Add(_modelId);
            }

            await RefreshCompareQuoteAsync();
        }
    }

    private async Task ToggleCompareModelAsync(string id, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            if (!_compareModels.Contains(id))
            {
                _compareModels.Add(id);
            }
        }
        else
        {
            _compareModels.Remove(id);
        }

        await RefreshCompareQuoteAsync();
    }

    /// <summary>What the compare picker asks for: the panel's choices, the models ticked (in catalog order) and the seeds.</summary>
    private CompareChoices CompareChoicesOf(bool withFrames)
    {
        var offered = Catalog.ForMode(_mode).Select(l => l.Model.Id).ToList();
        return new CompareChoices
        {
            Shot = Choices(withFrames) with { ModelId = null, Seed = null },
            Models = [.. _compareModels.Where(offered.Contains).OrderBy(offered.IndexOf)],
            Seeds = [.. Enumerable.Range(0, Math.Clamp(_compareSeeds, CompareLimits.MinSeeds, CompareLimits.MaxSeeds)).Select(i => (long?)(_compareBaseSeed + i))],
        };
    }

    private async Task RefreshCompareQuoteAsync()
    {
        _compareQuote = null;
        _compareError = null;
        if (!_compareOpen || _shot is null)
        {
            return;
        }

        var choices = CompareChoicesOf(false);
        if (choices.Models.Count < CompareLimits.MinModels)
        {
            _compareError = $"Tick {CompareLimits.MinModels} to {CompareLimits.MaxModels} models.";
            return;
        }

        try
        {
            _compareQuote = await Compare.QuoteAsync(choices, CancellationToken.None);
        }
        catch (UserErrorException e)
        {
            _compareError = e.Message;
        }
    }

    private async Task StartCompareAsync()
    {
        if (!CanCompare || _shot is null)
        {
            return;
        }

        _busy = true;
        _compareError = null;
        _compareBatch = null;
        try
        {
            var (batchId, _, generations) = await Compare.CreateAsync(CompareChoicesOf(true), CancellationToken.None);
            _compareBatch = batchId;
            _compareStarted = generations.Count;
            // The next batch gets new seeds.
            _compareBaseSeed = Random.Shared.Next(1, 1_000_000_000);
        }
        catch (UserErrorException e)
        {
            _compareError = e.Message;
        }
        finally
        {
            _busy = false;
        }

        await RefreshEstimateAsync();
    }

    private static string CompareTotalLine(CompareQuote quote)
    {
        var line = Text($"{quote.Takes.Count} takes · {CostEstimator.Money(quote.TotalUsd)} in all");
        return quote.Budget is not { } budget ? line
            : budget.Fits == false ? Text($"{line} · over budget: {CostEstimator.Money(budget.LeftUsd)} left of {CostEstimator.Money(budget.CapUsd)}")
            : Text($"{line} · {CostEstimator.Money(budget.LeftAfterUsd ?? budget.LeftUsd)} left after it");
    }

    /// <summary>The text of one prompt part and whether the user wrote it.</summary>
    private sealed record PartText(string Text, bool Edited);
}
