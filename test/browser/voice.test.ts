/**
 * Voice alerts in real headless Chromium against the real server, with a fake microphone
 * that plays two known tones: record without and with disguise, listen back, attach, file the
 * alert; the analyst downloads both messages and ffmpeg judges them (they decode, they last
 * as long as recorded, no "Chrome" and no tags in them, and the disguised one is lower in
 * pitch: the real voice never reached the encoder). Then the reply form records one too;
 * and with the microphone refused, with no microphone, or without MediaRecorder, the page
 * says so in the reporter's language and the alert is still sent.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { foreignRequests, launchChromium, recordRequests, startServer, type RecordedRequest, type RunningServer } from './harness.ts';
import { axeViolations, pickLanguage } from './reporter-pages.ts';
import { decodeWithFfmpeg, dominantFrequencies, ffprobe, SAMPLE_RATE, shareNear, TONES_HZ, writeToneWav } from './voice-audio.ts';
import { DISGUISE_PITCH_RATIO } from '../../apps/web/src/reporter/voice/voice-disguise.ts';

const PASSWORD = 'correct horse battery staple 42';
const LOGIN = 'awa.coordination';
const DESCRIPTION = 'Au poste de péage, les agents demandent de l’argent sans reçu à chaque passage.';
const RECORD_SECONDS = 3;

let server: RunningServer;
let browser: Browser;
let work: string;
const requests: RecordedRequest[] = [];

async function newContext(permissions: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true, permissions });
  const recorded = recordRequests(context);
  context.on('close', () => requests.push(...recorded));
  return context;
}

/** The reporter's home page in French (through the language screen when there is one). */
async function openHome(page: Page): Promise<void> {
  await page.goto(server.origin + '/');
  await page.waitForSelector('[data-testid=language-chooser], [data-testid=home-report]');
  if ((await page.locator('[data-testid=language-chooser]').count()) > 0) await page.click('[data-testid=language-fr]');
}

async function fillAlert(page: Page): Promise<void> {
  await page.click('[data-testid=home-report]');
  await page.check('#kind-extortion');
  await page.selectOption('#regionId', { label: 'Kayes' });
  await page.selectOption('#institutionType', 'police-gendarmerie');
  await page.fill('#description', DESCRIPTION);
}

async function submitAndReadReceipt(page: Page): Promise<string> {
  await page.click('[data-testid=submit-alert]');
  const shown = await page.locator('[data-testid=receipt]').textContent({ timeout: 180_000 });
  expect(shown).toMatch(/^(\d{4} ){5}\d{4}$/);
  return (shown ?? '').replaceAll(' ', '');
}

/** axe-core's WCAG 2.1 A/AA findings on each screen of the recorder, by screen. */
const a11y: Record<string, unknown[]> = {};

/** Opens the recorder and records about RECORD_SECONDS; returns the listen-back duration. */
async function recordVoice(page: Page, disguise: boolean): Promise<number> {
  await page.click('[data-testid=voice-open]');
  await page.waitForSelector('[data-testid=voice-panel]');
  a11y['ready'] ??= await axeViolations(page);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('voice-start');
  if (disguise) await page.check('[data-testid=voice-disguise]');
  await page.click('[data-testid=voice-start]');
  await expect.poll(() => page.locator('[data-testid=voice-clock]').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^0:0${RECORD_SECONDS} `));
  a11y['recording'] ??= await axeViolations(page);
  // The start button is gone: focus is on the stop button, not lost.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('voice-stop');
  if (disguise) expect(await page.locator('[data-testid=voice-recording]').textContent()).toContain('Voix déguisée');
  await page.click('[data-testid=voice-stop]');
  const player = page.locator('[data-testid=voice-playback]');
  await player.waitFor({ timeout: 20_000 });
  a11y['review'] ??= await axeViolations(page);
  expect(await player.getAttribute('src')).toMatch(/^blob:/);
  return player.evaluate(
    (audio: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        if (audio.readyState >= 1) resolve(audio.duration);
        else audio.addEventListener('loadedmetadata', () => resolve(audio.duration), { once: true });
      }),
  );
}

async function downloadAttachment(desk: Page, name: string, within: Locator = desk.locator('section.panel > ul.attachments')): Promise<string> {
  const item = within.locator('[data-testid=attachment]', { hasText: name });
  const [download] = await Promise.all([desk.waitForEvent('download'), item.locator('[data-testid=attachment-download]').click()]);
  const saved = path.join(work, name);
  await download.saveAs(saved);
  return saved;
}

/** What every stored voice message must be: WebM/Opus that decodes, as long as recorded, with nothing about its maker. */
function expectCleanVoiceFile(file: string): Float32Array {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  expect(bytes.includes(Buffer.from('Chrome'))).toBe(false);
  const probe = ffprobe(file);
  expect(probe.format.format_name).toMatch(/webm/);
  expect(probe.format.tags ?? {}).toEqual({});
  expect(probe.streams.map((stream) => [stream.codec_name, stream.channels])).toEqual([['opus', 1]]);
  const duration = Number(probe.format.duration);
  expect(duration).toBeGreaterThan(RECORD_SECONDS - 0.5);
  expect(duration).toBeLessThan(RECORD_SECONDS + 2);
  const samples = decodeWithFfmpeg(file);
  expect(Math.abs(samples.length / SAMPLE_RATE - duration)).toBeLessThan(0.2); // the written Duration is the real one
  return samples;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kk-voice-'));
  const wav = path.join(work, 'tones.wav');
  writeToneWav(wav);
  // This test signs in without an authenticator; core-flow.test.ts enrols one under the default.
  server = await startServer({ REQUIRE_SECOND_FACTOR: 'false' });
  browser = await launchChromium(['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('voice alerts in Chromium', () => {
  let desk: Page;
  let receipt = '';

  it('sets the platform up', async () => {
    desk = await (await newContext([])).newPage();
    await desk.goto(server.setupLink);
    await desk.fill('#setup-organisationName', 'COSCLCCP');
    await desk.fill('#setup-login', LOGIN);
    await desk.fill('#setup-password', PASSWORD);
    await desk.fill('#setup-passwordAgain', PASSWORD);
    await desk.click('[data-testid=setup-submit]');
    await expect.poll(() => desk.locator('[data-testid=recovery-key-custodian]').textContent(), { timeout: 120_000 }).toMatch(/\w{4}/);
    await desk.check('#recovery-kept');
    await desk.click('[data-testid=recovery-continue]');
    await desk.waitForSelector('[data-testid=login-form]');
  });

  it('records a plain and a disguised message, plays them back, attaches both and files the alert', async () => {
    const context = await newContext(['microphone']);
    // Keep a hand on every microphone stream the page opens, to check it is released.
    await context.addInitScript(() => {
      const opened: MediaStream[] = [];
      Object.assign(window, { openedStreams: opened });
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        opened.push(stream);
        return stream;
      };
    });
    const page = await context.newPage();
    await openHome(page);
    await fillAlert(page);
    const liveTracks = () =>
      page.evaluate(() =>
        (window as unknown as { openedStreams: MediaStream[] }).openedStreams.flatMap((stream) => stream.getTracks().map((track) => `${track.kind}:${track.readyState}`)),
      );

    const plain = await recordVoice(page, false);
    // SECURITY: audio only, and the microphone is off as soon as the recording stops.
    expect(await liveTracks()).toEqual(['audio:ended']);
    expect(plain).toBeGreaterThan(RECORD_SECONDS - 0.5);
    expect(Number.isFinite(plain)).toBe(true); // the cleaner wrote a Duration: the player can show it and seek
    await page.click('[data-testid=voice-add]');
    await expect.poll(() => page.locator('[data-testid=voice-added]').count()).toBe(1);

    const disguised = await recordVoice(page, true);
    expect(disguised).toBeGreaterThan(RECORD_SECONDS - 0.5);
    expect(await liveTracks()).toEqual(['audio:ended', 'audio:ended']);
    await page.click('[data-testid=voice-add]');

    const items = page.locator('[data-testid=file-item]');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain('message-vocal-1.webm');
    expect(await items.nth(1).textContent()).toContain('message-vocal-2.webm');
    for (const index of [0, 1]) expect(await items.nth(index).locator('.file__status--ok').count()).toBe(1);

    receipt = await submitAndReadReceipt(page);
    await context.close();
    expect(a11y).toEqual({ ready: [], recording: [], review: [] });
  });

  it('gives the analyst both messages, clean, and the disguised one lower in pitch', async () => {
    await desk.fill('#login', LOGIN);
    await desk.fill('#password', PASSWORD);
    await desk.click('[data-testid=login-submit]');
    await desk.waitForSelector('[data-testid=inbox-row]', { timeout: 120_000 });
    await desk.click('[data-testid=inbox-open]');
    await expect.poll(() => desk.locator('[data-testid=attachment]').count(), { timeout: 60_000 }).toBe(2);

    const plain = dominantFrequencies(expectCleanVoiceFile(await downloadAttachment(desk, 'message-vocal-1.webm')));
    const disguised = dominantFrequencies(expectCleanVoiceFile(await downloadAttachment(desk, 'message-vocal-2.webm')));
    const lowered = TONES_HZ.map((tone) => tone * DISGUISE_PITCH_RATIO);
    expect(plain.length).toBeGreaterThan(6);
    expect(disguised.length).toBeGreaterThan(6);
    expect(shareNear(plain, TONES_HZ, 0.02)).toBeGreaterThan(0.8);
    expect(shareNear(disguised, lowered, 0.05)).toBeGreaterThan(0.8);
    // SECURITY: the microphone's own pitch is (almost) nowhere in the disguised file.
    expect(shareNear(disguised, TONES_HZ, 0.02)).toBeLessThan(0.1);
  });

  it('records a voice answer in the follow-up reply', async () => {
    const context = await newContext(['microphone']);
    const page = await context.newPage();
    await openHome(page);
    await page.click('[data-testid=home-follow]');
    await page.fill('#receipt-input', receipt);
    await page.click('[data-testid=receipt-open]');
    await page.waitForSelector('[data-testid=reply-form]', { timeout: 120_000 });
    await recordVoice(page, false);
    expect(await page.locator('[data-testid=voice-add]').textContent()).toBe('Ajouter à ma réponse');
    await page.click('[data-testid=voice-add]');
    await expect.poll(() => page.locator('[data-testid=reply-form] [data-testid=file-item]').textContent()).toContain('message-vocal-1.webm');
    await page.click('[data-testid=reply-send]');
    await page.waitForSelector('[data-testid=reply-sent]', { timeout: 60_000 });
    await context.close();

    await desk.click('[data-testid=alert-back]');
    await desk.click('[data-testid=inbox-open]');
    const message = desk.locator('[data-testid=desk-message]', { hasText: 'message-vocal-1.webm' });
    await expect.poll(() => message.count(), { timeout: 60_000 }).toBe(1);
    expectCleanVoiceFile(await downloadAttachment(desk, 'message-vocal-1.webm', message));
    await desk.context().close();
  });

  it('says plainly when the microphone is refused, in the reporter’s language, and still sends the alert', async () => {
    const context = await newContext([]); // no permission: Chromium refuses getUserMedia
    const page = await context.newPage();
    await openHome(page);
    await fillAlert(page);
    await page.click('[data-testid=voice-open]');
    await page.click('[data-testid=voice-start]');
    const problem = page.locator('[data-testid=voice-problem]');
    await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 20_000 }).toBe('denied');
    expect(await problem.textContent()).toContain("L'accès au micro a été refusé");
    expect(await axeViolations(page)).toEqual([]);
    await pickLanguage(page, 'en');
    expect(await problem.textContent()).toContain('Access to the microphone was refused');
    await pickLanguage(page, 'fr');
    await page.click('[data-testid=voice-cancel]');
    expect(await page.locator('[data-testid=file-item]').count()).toBe(0);
    await submitAndReadReceipt(page);
    await context.close();
  });

  it('says so when the phone has no microphone', async () => {
    const bare = await launchChromium(); // no fake device: Chromium finds no microphone
    try {
      const context = await bare.newContext({ viewport: { width: 360, height: 740 }, permissions: ['microphone'] });
      const page = await context.newPage();
      await openHome(page);
      await fillAlert(page);
      await page.click('[data-testid=voice-open]');
      await page.click('[data-testid=voice-start]');
      const problem = page.locator('[data-testid=voice-problem]');
      await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 20_000 }).toBe('no-microphone');
      expect(await problem.textContent()).toContain("Aucun micro n'a été trouvé");
      // The reporter can try again (a headset plugged in): the start button is back.
      expect(await page.locator('[data-testid=voice-start]').count()).toBe(1);
    } finally {
      await bare.close();
    }
  });

  it('says so when the browser cannot record at all', async () => {
    const context = await newContext(['microphone']);
    await context.addInitScript(() => {
      Reflect.deleteProperty(window, 'MediaRecorder');
    });
    const page = await context.newPage();
    await openHome(page);
    await fillAlert(page);
    await page.click('[data-testid=voice-open]');
    const problem = page.locator('[data-testid=voice-problem]');
    await expect.poll(() => problem.getAttribute('data-problem'), { timeout: 20_000 }).toBe('unsupported');
    expect(await page.locator('[data-testid=voice-start]').count()).toBe(0);
    await submitAndReadReceipt(page);
    await context.close();
  });

  it('made no request to another origin', () => {
    expect(requests.length).toBeGreaterThan(20);
    expect(foreignRequests(requests, server.origin)).toEqual([]);
  });
});
