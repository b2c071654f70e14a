// A review link's page: the cut in the sequence player, the link's comments (a click on a time seeks there) and a form
// that leaves a comment at the player's current time. Everything it asks for is under the link's own address.
import { SequencePlayer, formatTime } from './player.js';

const root = document.getElementById('player');
const base = root.dataset.base;
const player = new SequencePlayer(root, base);
const form = document.getElementById('comment-form');
const list = document.getElementById('comments');
const at = form.querySelector('.comment-at');
const error = form.querySelector('.form-error');
const authorKey = 'previz-review-author';

player.onTime(t => {
    at.textContent = formatTime(t);
});

async function showComments() {
    const response = await fetch(base + 'comments', { cache: 'no-store' });
    if (!response.ok) {
        return;
    }

    const comments = await response.json();
    list.replaceChildren(...comments.map(comment => {
        const item = document.createElement('li');
        item.className = 'comment';
        const time = document.createElement('button');
        time.type = 'button';
        time.className = 'comment-time';
        time.textContent = formatTime(comment.seconds);
        time.addEventListener('click', () => player.seek(comment.seconds));
        const author = document.createElement('strong');
        author.className = 'comment-author';
        author.textContent = comment.author;
        const text = document.createElement('span');
        text.className = 'comment-text';
        text.textContent = comment.text;
        item.append(time, ' ', author, ': ', text);
        return item;
    }));
}

form.author.value = localStorage.getItem(authorKey) ?? '';
form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const body = { author: form.author.value, text: form.text.value, seconds: player.time };
    const response = await fetch(base + 'comments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
    });
    if (!response.ok) {
        const problem = await response.json().catch(() => null);
        error.textContent = problem?.detail ?? `The comment was not saved (${response.status}).`;
        return;
    }

    localStorage.setItem(authorKey, form.author.value);
    form.text.value = '';
    await showComments();
});

await player.load();
await showComments();
