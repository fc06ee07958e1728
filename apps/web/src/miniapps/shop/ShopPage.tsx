import { MiniAppPlaceholder } from '../../shell/MiniAppPlaceholder.tsx';

/** Placeholder until the shop mini-app is built; loaded only when opened. */
export function ShopPage() {
  return <MiniAppPlaceholder id="shop" />;
}
