// The cookies: the session (HttpOnly, Secure, SameSite=Lax, whole site) and the known-device
// cookie (HttpOnly, Secure, SameSite=Strict, sent only to the sign-in routes).
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export const SESSION_COOKIE = "verklaring_session";
export const DEVICE_COOKIE = "verklaring_device";
const DEVICE_COOKIE_PATH = "/api/auth";

export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    expires: new Date(expiresAt),
  });
}

export function deleteSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}

export const readSessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);

export function setDeviceCookie(c: Context, token: string, expires: Date): void {
  setCookie(c, DEVICE_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: DEVICE_COOKIE_PATH,
    expires,
  });
}

export const readDeviceCookie = (c: Context): string | undefined => getCookie(c, DEVICE_COOKIE);
