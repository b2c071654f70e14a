using Previz.Core;
using Previz.Providers.Generation;
using Previz.Rendering;
using Previz.Rendering.Video;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>The Direct Render step: the planned shot rendered here, its progress and a cancel watched while it runs.</summary>
public sealed partial class GenerationJobs
{
    private async Task RenderAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        var id = record.Id;
        if (await CanceledBeforeStartAsync(held, cancellationToken))
        {
            return;
        }

        var settings = StoredPlan.Of(record).DirectRender
            ?? throw new InvalidOperationException($"Generation {id} was planned without Direct Render settings.");
        var sceneRecord = record.SceneId is { } sceneId ? await _scenes.FindAsync(sceneId, cancellationToken) : null;
        if (sceneRecord is null)
        {
            await FailAsync(held, "The scene of this generation was deleted.", null, false, cancellationToken);
            return;
        }

        var scene = await _scenes.LoadAsync(sceneRecord, cancellationToken);
        var shot = scene.FindShot(record.ShotId);
        if (shot is null)
        {
            await FailAsync(held, $"The scene has no shot \"{record.ShotId}\".", null, false, cancellationToken);
            return;
        }

        await _store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Running;
            g.StartedAt ??= Now;
            g.Progress = 0;
        }, cancellationToken);

        // This attempt's own name: a render that outlived its lease never writes the file of the one that took over.
        var attempt = Guid.NewGuid().ToString("N");
        var temp = Path.Combine(_folder.Temp, $"{id:N}.{attempt}.render.{(settings.Still ? "png" : "mp4")}");
        var rendered = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        RenderProgress? latest = null;
        var progress = new InlineProgress<RenderProgress>(p => Volatile.Write(ref latest, p));
        var outcome = new RenderWatch();
        var watch = WatchRenderAsync(held, () => Volatile.Read(ref latest), outcome, stop);
        try
        {
            // A cancel or a lost lease ends the step even if the renderer is slow to notice (it stops at its next check).
            await DirectRenderGenerator.RenderAsync(scene, shot, settings, temp, progress, stop.Token).WaitAsync(stop.Token);
            rendered = true;
        }
        catch (OperationCanceledException) when (outcome.CancelRequested && !cancellationToken.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await watch;
            await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), CancellationToken.None);
            return;
        }
        catch (OperationCanceledException) when (outcome.LeaseLost)
        {
            throw new LeaseLostException(id);
        }
        catch (Exception ex) when (ex is UserErrorException or VideoEncodingException)
        {
            await stop.CancelAsync();
            await watch;
            await FailAsync(held, ex.Message, "render", false, cancellationToken);
            return;
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
            if (!rendered)
            {
                File.Delete(temp);
            }
        }

        await _store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Fetching;
            g.Progress = 1;
        }, cancellationToken);
        if (!settings.Still)
        {
            await StoreAsync(held, temp, poster: null, finishing: null, readyAt: null, cancellationToken);
            return;
        }

        // A still (Image mode): a PNG of the shot, stored as a gallery still with a poster made from its pixels.
        var still = Path.Combine(_folder.Temp, $"{id:N}.{attempt}.still");
        var poster = Path.Combine(_folder.Temp, $"{id:N}.{attempt}.poster.jpg");
        try
        {
            var finished = await _finisher.FinishStillAsync(temp, record, still, poster, cancellationToken);
            await StoreAsync(held, still, poster, finished.Processing, readyAt: null, cancellationToken, stillContentType: finished.ContentType);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(still);
            File.Delete(poster);
        }
    }

    /// <summary>While a render runs: renews the lease, writes progress, and notices a cancel request, about once a second.</summary>
    private async Task WatchRenderAsync(HeldGeneration held, Func<RenderProgress?> latest, RenderWatch outcome, CancellationTokenSource stop)
    {
        var id = held.Id;
        double? written = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time, stop.Token);
                if (!await _store.RenewAsync(id, held.Owner, stop.Token))
                {
                    outcome.LeaseLost = true;
                    await stop.CancelAsync();
                    return;
                }

                var current = await _store.FindAsync(id, stop.Token);
                if (current?.CancelRequested == true)
                {
                    outcome.CancelRequested = true;
                    await stop.CancelAsync();
                    return;
                }

                if (latest() is { } p && p.Fraction != written)
                {
                    written = Math.Round(p.Fraction, 4);
                    await _store.UpdateAsync(held, g => g.Progress = written, stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The render ended.
        }
    }
}
