import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from './appInfo';

const builderYml = readFileSync('electron-builder.yml', 'utf8');
const field = (name: string): string | undefined => new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(builderYml)?.[1];

describe('packaging', () => {
  it('bundles main from packages’ Node builds, never their browser field (tus-js-client’s needs XMLHttpRequest)', async () => {
    const { viteMainConfig } = await import('../vite.main.config');
    const config = typeof viteMainConfig === 'function' ? viteMainConfig({ mode: 'main', command: 'build' }) : viteMainConfig;
    expect(config.resolve?.mainFields).toBeDefined();
    expect(config.resolve?.mainFields).not.toContain('browser');
    expect(config.resolve?.conditions).toContain('node');
    expect(config.resolve?.conditions).not.toContain('browser');
  });

  it('electron-builder.yml names the app as main/appInfo.ts does', () => {
    expect(field('appId')).toBe(APP_ID);
    expect(field('productName')).toBe(PRODUCT_NAME);
  });

  it('builds nsis, AppImage, deb and dmg', () => {
    for (const target of ['nsis', 'AppImage', 'deb', 'dmg']) expect(builderYml).toContain(`target: ${target}`);
  });

  it('never rebuilds native modules or runs install hooks', () => {
    expect(field('npmRebuild')).toBe('false');
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(Object.keys(scripts)).not.toContain('postinstall');
    expect(Object.values(scripts).join(' ')).not.toContain('install-app-deps');
  });

  it('asks macOS for the camera, never the microphone', () => {
    expect(builderYml).toMatch(/NSCameraUsageDescription: \S/);
    expect(builderYml).not.toContain('NSMicrophoneUsageDescription');
    const plist = readFileSync('build/entitlements.mac.plist', 'utf8');
    expect(plist).toContain('<key>com.apple.security.device.camera</key>');
    expect(plist).not.toContain('com.apple.security.device.audio-input');
  });

  it('has an icon of at least 512×512 pixels', () => {
    const png = readFileSync('build/icon.png');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });
});
