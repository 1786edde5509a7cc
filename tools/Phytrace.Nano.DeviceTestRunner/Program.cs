using Phytrace.Nano.DeviceTestRunner;

return RunnerApp.Run(args, Console.Out);
