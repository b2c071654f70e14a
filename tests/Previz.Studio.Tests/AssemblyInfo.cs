// The process, crash and scale-out tests start servers, ffmpeg and PostgreSQL and time their kills against job
// progress: running them one after another keeps them honest on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
