import videojs from 'video.js';
import type MenuButtonBase from 'video.js/dist/types/menu/menu-button';
import type MenuItemBase from 'video.js/dist/types/menu/menu-item';

type VideoJsPlayer = ReturnType<typeof videojs>;

export interface QualityOption {
  height: number;
  /** E.g. "240p · hemat data · ± 1,2 MB". */
  label: string;
}

/** What the menu shows and does; the player owns the state. */
export interface QualityMenuModel {
  options(): QualityOption[];
  selectedHeight(): number | undefined;
  choose(height: number): void;
  /** Screen-reader name of the button ("Kualitas video: 240p"). */
  name(): string;
}

const MenuButton = videojs.getComponent('MenuButton') as unknown as typeof MenuButtonBase;
const MenuItem = videojs.getComponent('MenuItem') as unknown as typeof MenuItemBase;
const models = new WeakMap<VideoJsPlayer, QualityMenuModel>();

class QualityMenuItem extends MenuItem {
  private readonly rungHeight: number;
  constructor(player: VideoJsPlayer, options: { option: QualityOption; selected: boolean }) {
    super(player, {
      label: options.option.label,
      selectable: true,
      multiSelectable: false,
      selected: options.selected,
    });
    this.rungHeight = options.option.height;
  }

  override handleClick(): void {
    models.get(this.player() as VideoJsPlayer)?.choose(this.rungHeight);
  }
}

class QualityMenuButton extends MenuButton {
  private labelEl: HTMLElement | undefined;

  override buildCSSClass(): string {
    return `runtut-quality ${super.buildCSSClass()}`;
  }

  override buildWrapperCSSClass(): string {
    return `runtut-quality ${super.buildWrapperCSSClass()}`;
  }

  override createItems(): QualityMenuItem[] {
    const model = models.get(this.player() as VideoJsPlayer);
    if (!model) return [];
    const selected = model.selectedHeight();
    return model.options().map(
      (option) =>
        new QualityMenuItem(this.player() as VideoJsPlayer, {
          option,
          selected: option.height === selected,
        }),
    );
  }

  /** Rebuilds the items and the button's visible and spoken names. */
  refresh(): void {
    const model = models.get(this.player() as VideoJsPlayer);
    this.update();
    if (!model) return;
    const options = model.options();
    this.toggleClass('vjs-hidden', options.length < 2);
    const selected = model.selectedHeight();
    const button = this.el().querySelector('.vjs-menu-button');
    if (!this.labelEl && button) {
      this.labelEl = document.createElement('span');
      this.labelEl.className = 'runtut-quality-value';
      this.labelEl.setAttribute('aria-hidden', 'true');
      button.prepend(this.labelEl);
    }
    if (this.labelEl) this.labelEl.textContent = selected === undefined ? '' : `${selected}p`;
    this.menuButton_.controlText(model.name());
  }
}

/** Adds the quality menu to the control bar, before the fullscreen button. */
export function attachQualityMenu(player: VideoJsPlayer, model: QualityMenuModel) {
  models.set(player, model);
  const controlBar = player.getChild('ControlBar');
  const button = new QualityMenuButton(player, {});
  const fullscreen = controlBar?.getChild('FullscreenToggle');
  const children = controlBar?.children() ?? [];
  const index = fullscreen ? children.indexOf(fullscreen) : children.length;
  controlBar?.addChild(button, {}, index);
  button.refresh();
  return {
    refresh: () => button.refresh(),
    dispose() {
      models.delete(player);
      controlBar?.removeChild(button);
      button.dispose();
    },
  };
}
