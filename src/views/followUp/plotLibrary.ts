// Observable Plot behind a module of our own, so the lazily loaded chunk has a name we recognise (plotLibrary-*.js)
// in the build output and in tests. Import this only with `import()`: a static import would pull Plot into the
// main bundle.
export * from '@observablehq/plot';
